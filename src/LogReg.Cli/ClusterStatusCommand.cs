using LogReg.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogReg.Cli;

/// <summary>
/// cluster status --cluster localhost|redis=HOST:PORT [--shards PATTERN] [--certificate FILE --trust FILE]: the live
/// workers, their builds (marked where they differ from this one), and the shard files each holds below its data root
/// (default pattern: the CSV files at the root's top).
/// </summary>
internal static class ClusterStatusCommand
{
    public static readonly CliOption[] Options = [CliOptions.Cluster, CliOptions.Shards, CliOptions.Certificate, CliOptions.Trust];

    public static int Run(Arguments a, TextWriter output)
    {
        var cluster = ClusterSettings.Read(a, "cluster status");
        string pattern = ClusterFit.ShardPattern(a.Get(CliOptions.Shards) ?? "*.csv", "cluster status");
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => cluster.ConfigureClient(client));
        using var host = builder.Build();
        cluster.Start(host, "cluster status");
        IReadOnlyList<WorkerStatus> workers;
        try
        {
            workers = ShardCatalog.ListWorkersAsync(host.Services.GetRequiredService<IClusterClient>(), pattern).GetAwaiter().GetResult();
        }
        catch (ShardDataException e)
        {
            throw new CliException($"cluster status: {e.Message}");
        }
        host.StopAsync().GetAwaiter().GetResult();

        var rows = workers.Select(w => w.Info is { } info
            ? (w.Silo, Build: info.Build == WorkerBuild.Current ? info.Build.ToString() : $"{info.Build} ≠ this {WorkerBuild.Current}",
                Files: info.Files.Count == 0 ? "none" : $"{info.Files.Count}: " + string.Join(", ", info.Files.Select(f => f.Name)))
            : (w.Silo, Build: "no answer (unreachable: leaving the cluster, or a build without the handshake)", Files: "?")).ToList();
        rows.Insert(0, ("worker", "build", $"shard files ({pattern})"));
        int silo = rows.Max(r => r.Silo.Length);
        int build = rows.Max(r => r.Build.Length);
        foreach (var (s, b, f) in rows)
        {
            output.WriteLine($"{s.PadRight(silo)}  {b.PadRight(build)}  {f}");
        }
        int differing = workers.Count(w => w.Info is { } info && info.Build != WorkerBuild.Current);
        int silent = workers.Count(w => w.Info is null);
        var problems = new List<string>();
        if (differing > 0)
        {
            problems.Add($"{differing} on another build than this one ({WorkerBuild.Current}): a fit refuses them");
        }
        if (silent > 0)
        {
            problems.Add($"{silent} did not answer (a worker killed moments ago leaves the list within about 15 s)");
        }
        output.WriteLine($"{workers.Count} worker(s); {(problems.Count == 0 ? "all run this build" : string.Join("; ", problems))}");
        return problems.Count == 0 ? 0 : 1;
    }
}
