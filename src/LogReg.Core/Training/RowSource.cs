namespace LogReg.Core.Training;

/// <summary>Where a fit's rows live; the objective sums over them the same way wherever they are.</summary>
public enum RowSource
{
    /// <summary>One compact copy in memory.</summary>
    InMemory,

    /// <summary>Blocks read again on every pass (over the memory budget).</summary>
    Streamed,

    /// <summary>Shards held by other processes (the distributed fit), each answering partial sums.</summary>
    Sharded,
}
