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
        [.. CliOptions.Fit, .. ClusterFit.Options, CliOptions.Model, CliOptions.Checkpoint, CliOptions.Resume];

    public static int Run(Arguments a, TextWriter output)
    {
        a.OnlyThese(Options, "with --cluster (the shards are all-numeric CSV files)");
        string modelPath = a.Required(CliOptions.Model);
        string? jsonPath = a.Get(CliOptions.Json);
        CommandLine.RefuseSamePath("train", ("--model", modelPath), ("--json", jsonPath));
        var fit = FitArguments.Read(a, TrainerOptions.Default);
        using var journal = Journal(a);
        var result = ClusterFit.Run(a, "train", fit, journal, statistics: false, output);
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
            $"trained on {result.RowCount} rows × {names.Count} features over {result.ShardCount} shard(s) on the cluster: {result.Report.Optimizer}, {o.Iterations} iterations, {FitArguments.Outcome(o)}; " +
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
}
