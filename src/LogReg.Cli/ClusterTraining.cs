using System.Text.Json;
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
        [.. CliOptions.Fit, .. ClusterFit.Options, CliOptions.Model, CliOptions.Checkpoint, CliOptions.Resume, CliOptions.Softmax];

    public static int Run(Arguments a, TextWriter output)
    {
        a.OnlyThese(Options, "with --cluster (the shards are CSV files: a label column and numeric features)");
        string modelPath = a.Required(CliOptions.Model);
        string? jsonPath = a.Get(CliOptions.Json);
        CommandLine.RefuseSamePath("train", ("--model", modelPath), ("--json", jsonPath));
        OutputPaths.RefuseUnwritable("train", ("--model", modelPath), ("--json", jsonPath));
        var fit = FitArguments.Read(a, TrainerOptions.Default);
        bool softmax = a.Get(CliOptions.Softmax);
        if (FitCapabilities.Check(softmax ? ModelFamily.Softmax : ModelFamily.Sigmoid, RowSource.Sharded, fit) is { } refusal)
        {
            throw new CliException($"train --cluster{(softmax ? " --family softmax" : "")}: {FitArguments.Describe(refusal)}", 2);
        }
        // Checked before the fit, not after it: a model that cannot be written is a minute of cluster time lost.
        if (Path.GetDirectoryName(Path.GetFullPath(modelPath)) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException($"train: --model '{modelPath}': folder '{folder}' does not exist.", 2);
        }
        using var journal = Journal(a);
        var ml = new MLContext(fit.Seed);
        // The model as 'train' writes it (so 'predict' reads it), and the summary 'train --json' writes.
        (ITransformer Scorer, DataViewSchema Schema, FitReport Report, long Rows, int Shards, IReadOnlyList<string> Names, string Classes, Action<Utf8JsonWriter> Json) made;
        if (softmax)
        {
            var result = ClusterFit.Run(a, "train", (client, shards) => DistributedTrainer.FitSoftmaxAsync(client, shards, fit, journal: journal), output);
            var (multiclass, schema) = LogRegMulticlassFit.FromFit(ml, result.Fit, result.RowCount);
            var names = FeatureNames(result.Model.FeatureNames, result.Model.FeatureCount);
            string classes = $" × {result.Model.ClassCount} classes ({string.Join(", ", result.Model.ClassNames)})";
            made = (multiclass.Scorer, schema, result.Report, result.RowCount, result.ShardCount, names, classes, json => TrainJson.Softmax(json, names, multiclass.Model));
        }
        else
        {
            var result = ClusterFit.Run(a, "train", (client, shards) => DistributedTrainer.FitAsync(client, shards, fit, journal: journal), output);
            var names = FeatureNames(result.Model.FeatureNames, result.Model.FeatureCount);
            var schema = new TrainingSet(new DenseMatrix(0, names.Count, Array.Empty<float>()), Array.Empty<double>(), null, names).ToDataView(ml).Schema;
            var transformer = LogRegTransformer.FromFit(ml, result.Fit, schema, result.RowCount);
            made = (transformer.Scorer, schema, result.Report, result.RowCount, result.ShardCount, names, "", json => TrainJson.Binary(json, names, transformer.Model));
        }
        if (a.Get(CliOptions.Resume) is { } resumed)
        {
            output.WriteLine(journal!.Held == 0 ? $"resumed from {resumed}: it held no round yet (the coordinator stopped before the first), so every round was asked of the cluster"
                : journal.Replayed == journal.Held
                ? $"resumed from {resumed}: all {journal.Held} recorded rounds replayed{(journal.Recorded > journal.Held ? ", the rest asked of the cluster" : "")}"
                : $"resumed from {resumed}: {journal.Replayed} of the {journal.Held} recorded rounds replayed (the fit's options part from the record there), the rest asked of the cluster");
        }
        JsonOutput.WriteWith(modelPath, stream => LogRegModelFile.Save(ml, made.Scorer, made.Schema, stream));
        var o = made.Report.Optimization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {made.Rows} rows × {made.Names.Count} features{made.Classes} over {made.Shards} shard(s) on the cluster: {made.Report.Optimizer}, {o.Iterations} iterations, {FitArguments.Outcome(o)}; " +
            $"objective {o.Objective:G10}; model written to {modelPath}"));
        if (jsonPath is not null)
        {
            JsonOutput.WriteWith(jsonPath, stream =>
            {
                using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                made.Json(json);
                JsonOutput.WriteFitReport(json, made.Report, normalize: false);
                json.WriteEndObject();
            });
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    private static IReadOnlyList<string> FeatureNames(IReadOnlyList<string>? names, int count) =>
        names ?? Enumerable.Range(0, count).Select(j => $"x{j}").ToArray();

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
