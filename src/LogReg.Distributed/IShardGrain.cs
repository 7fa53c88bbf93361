namespace LogReg.Distributed;

/// <summary>
/// A grain that holds one partition of the training data (read from its <see cref="ShardSpec"/>) and
/// sums over it. Every call carries the spec, so a shard re-activated on another silo after a failure
/// reads its files again and answers as before.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Reads the shard (once per activation) and describes it.</summary>
    Task<ShardSummary> Open(ShardSpec spec);

    /// <summary>The requested partial sums over the shard's rows.</summary>
    Task<ShardPartial> Evaluate(ShardSpec spec, ShardRequest request);
}
