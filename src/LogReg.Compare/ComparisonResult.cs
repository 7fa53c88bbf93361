namespace LogReg.Compare;

/// <summary>The comparison table as data.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Seed">Seed of the folds.</param>
/// <param name="FoldOfRow">The fold of every usable row.</param>
/// <param name="Results">One entry per trainer.</param>
public sealed record ComparisonResult(int Folds, int Seed, IReadOnlyList<int> FoldOfRow, IReadOnlyList<TrainerResult> Results);
