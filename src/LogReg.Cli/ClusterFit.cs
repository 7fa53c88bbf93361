using LogReg.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogReg.Cli;

/// <summary>
/// What 'train --cluster' and 'stats --cluster' share: join the cluster as a client, ask the workers which files match
/// --shards (every expected failure one line, exit 1), place each on a holder, fit over them (with a checkpoint when
/// asked), and leave the cluster.
/// </summary>
internal static class ClusterFit
{
    /// <summary>The options every cluster fit takes, besides the fitting options.</summary>
    public static readonly CliOption[] Options =
        [CliOptions.Cluster, CliOptions.Shards, CliOptions.Label, CliOptions.Json, CliOptions.Certificate, CliOptions.Trust, CliOptions.ShardCount];

    /// <summary>Joins, locates the shards and runs <paramref name="fit"/> over them; expected failures are one line.</summary>
    public static T Run<T>(Arguments a, string command, Func<IClusterClient, IReadOnlyList<LocatedShard>, Task<T>> fit, TextWriter output)
    {
        var cluster = ClusterSettings.Read(a, command);
        string pattern = ShardPattern(a.Required(CliOptions.Shards), command);
        string label = a.Required(CliOptions.Label);
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => cluster.ConfigureClient(client));
        using var host = builder.Build();
        cluster.Start(host, command + " --cluster");
        var client = host.Services.GetRequiredService<IClusterClient>();
        T result;
        try
        {
            var workers = ShardCatalog.DescribeWorkersAsync(client, pattern).GetAwaiter().GetResult();
            var shards = ShardCatalog.Locate(workers, label);
            if (shards.Count == 0)
            {
                throw new CliException($"{command} --cluster: --shards '{pattern}' matches no file below the data root of any of the {workers.Count} worker(s).");
            }
            if (a.Get(CliOptions.ShardCount) is { } expected && expected != shards.Count)
            {
                throw new CliException($"{command} --cluster: --shard-count {expected}, but the {workers.Count} live worker(s) hold {shards.Count} file(s) matching '{pattern}' " +
                    $"({string.Join(", ", shards.Take(5).Select(s => s.Spec.Files[0]))}{(shards.Count > 5 ? ", …" : "")}); a worker holding the others may be down.");
            }
            output.WriteLine(ShardCatalog.Describe(shards, workers.Count));
            result = fit(client, shards).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ClusterBuildException or FitJournalException or ShardDataException)
        {
            // Expected failures (another build, a checkpoint of other data, a missing or unreadable shard): one line, exit 1.
            throw new CliException($"{command} --cluster: {e.Message}");
        }
        host.StopAsync().GetAwaiter().GetResult();
        return result;
    }

    /// <summary>The workers resolve the pattern below their own data roots: it must be a name below a root (else exit 2).</summary>
    public static string ShardPattern(string pattern, string command)
    {
        if (pattern.IndexOfAny(['[', ']', '{', '}']) >= 0 || pattern.Contains("**", StringComparison.Ordinal)
            || (Path.GetDirectoryName(pattern) ?? "").IndexOfAny(['*', '?']) >= 0)
        {
            throw new CliException($"{command}: --shards '{pattern}': the wildcards are * and ? in the file name only ('DIR/part-*.csv'); [..], {{..}} and ** are not read.", 2);
        }
        if (Path.IsPathRooted(pattern) || pattern.Split('/', '\\').Contains(".."))
        {
            throw new CliException($"{command}: --shards '{pattern}' must name files relative to the workers' data roots (no absolute path, no '..'); each worker lists the files it holds below its --data-root.", 2);
        }
        return pattern;
    }
}
