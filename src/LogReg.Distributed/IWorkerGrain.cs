namespace LogReg.Distributed;

/// <summary>
/// One per worker (silo), placed on it (<see cref="WorkerPlacementAttribute"/>, keyed by the silo's address): what the
/// worker is — its build — and which shard files it holds below its data root. A coordinator asks every worker before a
/// fit, places each shard on a worker that holds it, and refuses workers of another build.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>The worker's build, and the files below its data root that <paramref name="pattern"/> matches.</summary>
    Task<WorkerInfo> Describe(string pattern);
}

/// <summary>A worker as it describes itself.</summary>
/// <param name="Silo">The silo's address (the worker grain's key).</param>
/// <param name="Build">The worker's build (<see cref="WorkerBuild"/>).</param>
/// <param name="Files">The matching files below its data root.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerInfo(
    [property: Id(0)] string Silo,
    [property: Id(1)] WorkerBuild Build,
    [property: Id(2)] IReadOnlyList<HeldFile> Files);

/// <summary>A shard file a worker holds: its name relative to the worker's data root, and its length in bytes.</summary>
[GenerateSerializer, Immutable]
public sealed record HeldFile([property: Id(0)] string Name, [property: Id(1)] long Length);
