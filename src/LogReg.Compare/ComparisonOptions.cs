namespace LogReg.Compare;

/// <summary>Which trainers, how many folds, which seed.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Boolean label column. Default "Label".</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>Known-size Single vector column. Default "Features".</summary>
    public string FeatureColumnName { get; init; } = "Features";

    /// <summary>Number of stratified folds. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment (and of every MLContext). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A fold index (0 … Folds−1) for every row, to reuse folds made elsewhere; null: stratified folds from <see cref="Seed"/>.</summary>
    public IReadOnlyList<int>? FoldOfRow { get; init; }

    /// <summary>
    /// The features of one fold, built from its training rows only (e.g. a featurisation fitted on them and
    /// applied to both): called once per fold with the row indices of its training and test parts; null:
    /// the rows of the view as they are.
    /// </summary>
    public Func<IReadOnlyList<int>, IReadOnlyList<int>, (Core.Data.TrainingSet Train, Core.Data.TrainingSet Test)>? FoldFeatures { get; init; }

    /// <summary>Trainer names to run (default: all of <see cref="TrainerComparison.TrainerNames"/>).</summary>
    public IReadOnlyList<string>? Trainers { get; init; }
}
