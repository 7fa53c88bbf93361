namespace LogReg.Distributed;

/// <summary>What a fit keeps of a shard it opened, for either family: every answer must come from these rows (and the checkpoint records them).</summary>
/// <param name="Rows">Rows the shard read.</param>
/// <param name="Checksum">The fingerprint of what it read.</param>
/// <param name="FeatureCount">Its features.</param>
internal readonly record struct OpenedShard(long Rows, ulong Checksum, int FeatureCount);
