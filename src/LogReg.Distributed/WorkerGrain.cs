namespace LogReg.Distributed;

/// <summary>A worker's description of itself (<see cref="IWorkerGrain"/>), on its own silo.</summary>
[WorkerPlacement]
public sealed class WorkerGrain(ShardRoot root, WorkerBuild build) : Grain, IWorkerGrain
{
    /// <inheritdoc/>
    public Task<WorkerInfo> Describe(string pattern) =>
        Task.FromResult(new WorkerInfo(this.GetPrimaryKeyString(), build, string.IsNullOrEmpty(pattern) ? [] : root.Match(pattern)));
}
