namespace LogReg.Cli;

/// <summary>
/// How the raw columns become the feature vector — everything the saved pipeline was built from, kept
/// in the model file (<see cref="ModelColumns"/>) so that predict knows which columns to read and how.
/// </summary>
/// <param name="Features">The feature columns in file order.</param>
/// <param name="Missing">The --missing policy the model was trained with.</param>
/// <param name="FeaturesColumn">The name of the assembled feature vector (Features unless the file has a column by that name).</param>
internal sealed record FeaturePlan(IReadOnlyList<PlannedFeature> Features, MissingPolicy Missing, string FeaturesColumn);

/// <summary>One feature column of a <see cref="FeaturePlan"/>.</summary>
/// <param name="Name">The CSV column.</param>
/// <param name="Role">Numeric, Categorical or Text.</param>
/// <param name="Indicator">Numeric with --missing mean: it had blanks in training, so an indicator column NAME[missing] goes with it.</param>
/// <param name="Levels">Categorical: every level seen in training, sorted (a blank is the level <see cref="FeaturePipeline.BlankLevel"/>).</param>
/// <param name="Reference">Categorical: the level without a coefficient (treatment coding).</param>
internal sealed record PlannedFeature(string Name, ColumnRole Role, bool Indicator = false, IReadOnlyList<string>? Levels = null, string? Reference = null)
{
    /// <summary>The levels that get an indicator: all but the reference, in sorted order.</summary>
    public IEnumerable<string> CodedLevels => (Levels ?? Array.Empty<string>()).Where(l => l != Reference);
}
