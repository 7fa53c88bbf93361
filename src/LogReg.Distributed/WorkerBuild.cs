using System.Reflection;

namespace LogReg.Distributed;

/// <summary>
/// What a worker and a coordinator compare before a fit: the version of this library (with its commit, when the build
/// recorded one) and the wire format of shard requests and answers. A worker of another build is refused with both named
/// (the sums of two builds may differ in the last bits, and their messages in shape).
/// </summary>
/// <param name="Version">The library's informational version.</param>
/// <param name="WireFormat">The shard request/answer format.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerBuild([property: Id(0)] string Version, [property: Id(1)] int WireFormat)
{
    /// <summary>The format of <see cref="ShardRequest"/>, <see cref="ShardPartial"/>, <see cref="ShardSummary"/> and <see cref="SoftmaxShardSummary"/> this build speaks.</summary>
    public const int CurrentWireFormat = 3;

    /// <summary>This process's build.</summary>
    public static WorkerBuild Current { get; } = new(
        typeof(WorkerBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        CurrentWireFormat);

    /// <summary>"VERSION (wire format N)".</summary>
    public override string ToString() => $"{Version} (wire format {WireFormat})";
}
