using LogReg.Core.Losses;
using LogReg.Core.Objectives;

namespace LogReg.Distributed;

/// <summary>
/// One request to a shard: the quantity, the point θ (and the vector v for a curvature product), and how
/// the shard's rows are weighed — the loss, the class weights the coordinator resolved on the whole data (binary: the
/// two weights; softmax: <see cref="ClassFactors"/>, one per class, or null).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardRequest(
    [property: Id(0)] PartialQuantity Quantity,
    [property: Id(1)] double[] Theta,
    [property: Id(2)] double[]? Vector,
    [property: Id(3)] LossKind Loss,
    [property: Id(4)] double NegativeWeight,
    [property: Id(5)] double PositiveWeight,
    [property: Id(6)] bool GaussNewton,
    [property: Id(7)] int Threads,
    [property: Id(8)] double[]? ClassFactors = null);

/// <summary>
/// A shard's unpenalised partial sums over its rows (the wire form of <see cref="PartialSums"/>), with the row
/// count and checksum of the data it holds (the coordinator checks them against the first pass: never a
/// silently different data set).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardPartial(
    [property: Id(0)] double Value,
    [property: Id(1)] double[]? Vector,
    [property: Id(2)] double[]? Squares,
    [property: Id(3)] double Total,
    [property: Id(4)] long Rows,
    [property: Id(5)] ulong Checksum);

/// <summary>What a shard holds: rows, positives, the weight of each class, features and the checksum.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardSummary(
    [property: Id(0)] long Rows,
    [property: Id(1)] long Positives,
    [property: Id(2)] double PositiveWeight,
    [property: Id(3)] double NegativeWeight,
    [property: Id(4)] int FeatureCount,
    [property: Id(5)] ulong Checksum,
    [property: Id(6)] IReadOnlyList<string>? FeatureNames);

/// <summary>What a multiclass shard holds: rows, the rows of each label (as written), features, checksum.</summary>
[GenerateSerializer, Immutable]
public sealed record SoftmaxShardSummary(
    [property: Id(0)] long Rows,
    [property: Id(1)] IReadOnlyList<string> Labels,
    [property: Id(2)] IReadOnlyList<long> LabelRows,
    [property: Id(3)] int FeatureCount,
    [property: Id(4)] ulong Checksum,
    [property: Id(5)] IReadOnlyList<string>? FeatureNames);
