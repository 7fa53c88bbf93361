namespace LogReg.Distributed;

/// <summary>
/// A grain that holds one partition of multiclass training data (<see cref="LabelledRows"/>, read from its
/// <see cref="ShardSpec"/>) and sums the softmax cross-entropy over it. Every call carries the spec (and the fit's class
/// list), so a shard re-activated on another silo after a failure reads its files again and answers as before.
/// </summary>
public interface ISoftmaxShardGrain : IGrainWithStringKey
{
    /// <summary>Reads the shard (once per activation) and describes it, with the rows of each label it holds.</summary>
    Task<SoftmaxShardSummary> Open(ShardSpec spec);

    /// <summary>The requested partial sums over the shard's rows, its labels numbered as in <paramref name="classes"/>.</summary>
    Task<ShardPartial> Evaluate(ShardSpec spec, IReadOnlyList<string> classes, ShardRequest request);
}
