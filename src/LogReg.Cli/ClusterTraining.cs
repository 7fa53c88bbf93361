using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.Distributed;
using LogReg.MLNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// train --cluster localhost|redis=HOST:PORT --shards "DIR/part-*.csv" --label COLUMN --model OUT.zip [FIT] [--json OUT.json]
/// [--checkpoint FILE | --resume FILE] [--certificate FILE --trust FILE]:
/// every worker lists the files the pattern matches below its data root; each distinct name (sorted) is one shard, placed
/// on a worker that holds it (another holder takes over if it dies); the fit runs over them, and the model is written as
/// 'train' writes it (so 'predict' reads it).
/// </summary>
internal static class ClusterTraining
{
    public static readonly CliOption[] Options =
        [.. CliOptions.Fit, CliOptions.Cluster, CliOptions.Shards, CliOptions.Label, CliOptions.Model, CliOptions.Json, CliOptions.Certificate, CliOptions.Trust,
         CliOptions.Checkpoint, CliOptions.Resume, CliOptions.ShardCount];

    public static int Run(Arguments a, TextWriter output)
    {
        a.OnlyThese(Options, "with --cluster (the shards are all-numeric CSV files)");
        var cluster = ClusterSettings.Read(a, "train");
        string pattern = ShardPattern(a.Required(CliOptions.Shards));
        string label = a.Required(CliOptions.Label);
        string modelPath = a.Required(CliOptions.Model);
        string? jsonPath = a.Get(CliOptions.Json);
        CommandLine.RefuseSamePath("train", ("--model", modelPath), ("--json", jsonPath));
        var fit = FitArguments.Read(a, TrainerOptions.Default);
        using var journal = Journal(a);

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => cluster.ConfigureClient(client));
        using var host = builder.Build();
        cluster.Start(host, "train --cluster");
        var client = host.Services.GetRequiredService<IClusterClient>();
        DistributedTrainingResult result;
        IReadOnlyList<LocatedShard> shards;
        try
        {
            var workers = ShardCatalog.DescribeWorkersAsync(client, pattern).GetAwaiter().GetResult();
            shards = ShardCatalog.Locate(workers, label);
            if (shards.Count == 0)
            {
                throw new CliException($"train --cluster: --shards '{pattern}' matches no file below the data root of any of the {workers.Count} worker(s).");
            }
            if (a.Get(CliOptions.ShardCount) is { } expected && expected != shards.Count)
            {
                throw new CliException($"train --cluster: --shard-count {expected}, but the {workers.Count} live worker(s) hold {shards.Count} file(s) matching '{pattern}' " +
                    $"({string.Join(", ", shards.Take(5).Select(s => s.Spec.Files[0]))}{(shards.Count > 5 ? ", …" : "")}); a worker holding the others may be down.");
            }
            output.WriteLine(ShardCatalog.Describe(shards, workers.Count));
            result = DistributedTrainer.FitAsync(client, shards, fit, journal: journal).GetAwaiter().GetResult();
        }
        catch (ClusterBuildException e)
        {
            throw new CliException("train --cluster: " + e.Message);
        }
        catch (FitJournalException e)
        {
            throw new CliException("train --cluster: " + e.Message);
        }
        catch (ShardDataException e)
        {
            // An expected failure of the data (a missing or unreadable shard, a name outside a worker's root): one line, exit 1.
            throw new CliException("train --cluster: " + e.Message);
        }
        host.StopAsync().GetAwaiter().GetResult();
        if (a.Get(CliOptions.Resume) is { } resumed)
        {
            output.WriteLine($"resumed from {resumed}: {journal!.Replayed} of the {journal.Held} recorded evaluations replayed, the rest asked of the cluster");
        }

        var ml = new MLContext(fit.Seed);
        var names = result.Model.FeatureNames ?? Enumerable.Range(0, result.Model.FeatureCount).Select(j => $"x{j}").ToArray();
        var empty = new TrainingSet(new DenseMatrix(0, names.Count, Array.Empty<float>()), Array.Empty<double>(), null, names);
        var schema = empty.ToDataView(ml).Schema;
        var transformer = LogRegTransformer.FromFit(ml, result.Fit, schema, result.RowCount);
        JsonOutput.WriteWith(modelPath, stream => LogRegModelFile.Save(ml, transformer.Scorer, schema, stream));
        var o = result.Report.Optimization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {result.RowCount} rows × {names.Count} features over {shards.Count} shard(s) on the cluster: {result.Report.Optimizer}, {o.Iterations} iterations, {FitArguments.Outcome(o)}; " +
            $"objective {o.Objective:G10}; model written to {modelPath}"));
        if (jsonPath is not null)
        {
            // The same summary as 'train --json': the model, then the fit report.
            JsonOutput.WriteWith(jsonPath, stream =>
            {
                using var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                TrainJson.Binary(json, names, transformer.Model);
                JsonOutput.WriteFitReport(json, result.Report, normalize: false);
                json.WriteEndObject();
            });
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    // --checkpoint FILE starts a journal, --resume FILE continues one (and records on in it).
    private static FitJournal? Journal(Arguments a)
    {
        string? checkpoint = a.Get(CliOptions.Checkpoint);
        string? resume = a.Get(CliOptions.Resume);
        if (checkpoint is not null && resume is not null)
        {
            throw new CliException("train: --checkpoint starts a new checkpoint and --resume continues one (recording on in it); give one of them.", 2);
        }
        try
        {
            return checkpoint is not null ? FitJournal.Create(checkpoint) : resume is not null ? FitJournal.Resume(resume) : null;
        }
        catch (FitJournalException e)
        {
            throw new CliException("train: " + e.Message);
        }
    }

    // The workers resolve the pattern below their own data roots: it must be a name below a root.
    private static string ShardPattern(string pattern)
    {
        if (Path.IsPathRooted(pattern) || pattern.Split('/', '\\').Contains(".."))
        {
            throw new CliException($"train: --shards '{pattern}' must name files relative to the workers' data roots (no absolute path, no '..'); each worker lists the files it holds below its --data-root.", 2);
        }
        return pattern;
    }
}
