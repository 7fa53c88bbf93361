namespace LogReg.Distributed;

/// <summary>
/// One partition of the training data, as every node can read it: one or more files (all CSV with a
/// header, or all ML.NET binary <c>.idv</c>), read in the listed order and concatenated.
/// CSV: the label column (0/1, true/false) and every other column a numeric feature, in file order.
/// <c>.idv</c>: a Boolean label column and a known-size Single vector feature column, by name.
/// </summary>
/// <param name="Files">Paths every silo can read.</param>
/// <param name="LabelColumn">The label column's name.</param>
/// <param name="FeatureColumn">The feature vector's name (<c>.idv</c> only).</param>
[GenerateSerializer, Immutable]
public sealed record ShardSpec(
    [property: Id(0)] IReadOnlyList<string> Files,
    [property: Id(1)] string LabelColumn = "Label",
    [property: Id(2)] string FeatureColumn = "Features")
{
    /// <summary>A readable name for messages: the files.</summary>
    public override string ToString() => string.Join(", ", Files);
}
