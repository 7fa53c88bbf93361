using System.Globalization;
using System.Text.Json;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// train --data FILE.csv --label COLUMN --model OUT.zip [fitting options, see <see cref="FitArguments"/>]
/// [--normalize none|meanvar] [--statistics no|yes] [--json OUT.json]. A label with two values trains the binary model, one
/// with more the multiclass (softmax) model: the same featurisation, save, summary line and JSON, by family.
/// </summary>
internal static class TrainCommand
{
    public static readonly CliOption[] Options =
        [.. CliOptions.Fit, .. CliOptions.ColumnRoles, CliOptions.Data, CliOptions.Normalize, CliOptions.Model, CliOptions.Json, CliOptions.Statistics, CliOptions.Firth];

    // A fitted pipeline as the command reports it: " × K classes (…)" and "softmax, " for the softmax model, its training
    // metrics, its model summary for --json, and the feature names the trainer saw (its separation verdict's).
    private sealed record Trained(ITransformer Model, FitReport Report, string Classes, string Kind, string Metrics,
        Action<Utf8JsonWriter, IReadOnlyList<string>> Json, IReadOnlyList<string>? TrainerFeatureNames = null);

    public static int Run(Arguments a, TextWriter output)
    {
        if (a.Given(CliOptions.Shards))
        {
            throw new CliException("train: --shards trains over a cluster's workers and needs --cluster (localhost or redis=HOST:PORT); a single file is --data.", 2);
        }
        // The cluster's own options mean nothing to a fit of one file: refused rather than ignored.
        var clusterOnly = ClusterTraining.Options.Except(Options).FirstOrDefault(a.Given);
        if (clusterOnly is not null)
        {
            throw new CliException($"train: {clusterOnly.Name} is for 'train --cluster'; a fit of one --data file does not take it.", 2);
        }
        a.RequireAll(CliOptions.Data, CliOptions.Label, a.Given(CliOptions.DryRun) ? null : CliOptions.Model);
        string dataPath = a.Required(CliOptions.Data);
        // --dry-run writes nothing, so it needs no model path.
        string modelPath = a.Given(CliOptions.DryRun) ? a.Get(CliOptions.Model) ?? "" : a.Required(CliOptions.Model);
        string? jsonPath = a.Get(CliOptions.Json);
        bool normalize = a.Get(CliOptions.Normalize);
        CommandLine.RefuseSamePath("train", ("--model", modelPath.Length == 0 ? null : modelPath), ("--json", jsonPath), ("--data", dataPath));
        OutputPaths.RefuseUnwritable("train", ("--model", modelPath), ("--json", jsonPath));
        bool firth = a.Get(CliOptions.Firth);
        if (firth && ((a.Get(CliOptions.L2) ?? 0) != 0 || (a.Get(CliOptions.L1) ?? 0) != 0))
        {
            throw new CliException("train --method firth: Firth's penalty replaces --l2 and --l1; give neither (or 0).", 2);
        }
        // Firth's penalty is the only one: the default L2 = 1 does not apply to it.
        var fit = FitArguments.Read(a, firth ? TrainerOptions.Default with { L2Regularization = 0 } : TrainerOptions.Default) with { FirthBiasReduction = firth };
        var prepared = CsvInput.Load(a, dataPath, ColumnOptions.Read(a), output);
        if (prepared is null)
        {
            return 0;
        }
        var progress = CommandLine.ProgressWriter is null ? null : new ProgressPrinter(CommandLine.ProgressWriter);
        var ml = new MLContext(fit.Seed);
        var data = prepared.ToDataView();
        var featurise = FeaturePipeline.Build(ml, prepared.Plan);
        if (normalize)
        {
            featurise = featurise.Append(ml.Transforms.NormalizeMeanVariance(prepared.Plan.FeaturesColumn));
        }
        fit = fit with { Progress = progress };
        // Without free text or a normaliser the table gives the trainer's rows and the training metrics directly.
        bool direct = !normalize && PlanFeaturizer.Applies(prepared.Plan);
        var trained = prepared.IsMulticlass
            ? Softmax(ml, featurise, data, prepared, fit, a.Get(CliOptions.Statistics), direct)
            // Kept in the model file, so that 'predict --intervals yes' can give each probability its interval.
            : Binary(ml, featurise, data, prepared, fit, a.Get(CliOptions.Statistics), direct);
        progress?.Finish();
        CsvInput.Columns(prepared).SaveWith(ml, trained.Model, data.Schema, modelPath);

        var names = FeaturePipeline.SlotNames(prepared.Plan, trained.Model.GetOutputSchema(data.Schema));
        var result = trained.Report.Optimization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {prepared.Rows.Length} rows × {names.Length} features{trained.Classes}: {trained.Kind}{trained.Report.Optimizer}, {result.Iterations} iterations, " +
            $"{FitArguments.Outcome(result)}; objective {result.Objective:G10}; training {trained.Metrics}; model written to {modelPath}"));
        if (trained.Report.Separation is { Separated: true } separation)
        {
            // The trainer saw the pipeline's slot names; the tool prints the columns' own (the same slots, in order).
            var slots = trained.TrainerFeatureNames ?? names;
            var printed = slots.Zip(names).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second);
            output.WriteLine($"warning: {separation.Describe(slot => printed.GetValueOrDefault(slot, slot))} Without a penalty the weights grow without bound and the probabilities near 0 and 1 are overconfident; " +
                $"remedies: {FitArguments.Describe(result.Remedies)}.");
        }
        else if (trained.Report.Separation is { Checked: false } undecided)
        {
            // The fit looked separated (large margins or no convergence) and the check could not tell: say so, claim nothing.
            output.WriteLine($"note: {undecided.Describe()} Whether the maximum-likelihood estimate exists is not known.");
        }
        if (jsonPath is not null)
        {
            JsonOutput.WriteWith(jsonPath, stream =>
            {
                using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                trained.Json(json, names);
                JsonOutput.WriteFitReport(json, trained.Report, normalize);
                json.WriteEndObject();
            });
            output.WriteLine($"model summary written to {jsonPath}");
        }
        return 0;
    }

    private static Trained Binary(MLContext ml, IEstimator<ITransformer> featurise, IDataView data, PreparedTable prepared, TrainerOptions fit, bool statistics, bool direct)
    {
        var options = Bind(LogRegOptions.FromTrainerOptions(fit), prepared);
        options.ShowTrainingStatistics = statistics;
        var model = PipelineFit.Fit(ml, featurise, ml.BinaryClassification.Trainers.LogReg(options), data, Reads(options), Rows(prepared, direct));
        var details = model.LastTransformer.Model.LogRegDetails()!;
        var metrics = direct ? TrainingMetrics.Binary(prepared, details.Model) : TrainingMetrics.Binary(model.Transform(data), options.LabelColumnName);
        return new Trained(model, details.Report, "", "", string.Create(CultureInfo.InvariantCulture,
            $"accuracy {metrics.Accuracy:F4}, AUC {metrics.Auc:F4}"), (json, names) => TrainJson.Binary(json, names, details), details.Model.FeatureNames);
    }

    private static Trained Softmax(MLContext ml, IEstimator<ITransformer> featurise, IDataView data, PreparedTable prepared, TrainerOptions fit, bool statistics, bool direct)
    {
        FitArguments.RequireSoftmax(fit, prepared.Classes.Length, "train");
        var options = Bind(LogRegMulticlassOptions.FromTrainerOptions(fit), prepared);
        options.ShowTrainingStatistics = statistics; // the MNLogit table, kept in the model file
        var model = PipelineFit.Fit(ml, featurise, ml.MulticlassClassification.Trainers.LogReg(options), data, Reads(options), Rows(prepared, direct));
        var details = model.LastTransformer.Model.LogRegDetails()!;
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data), options.LabelColumnName);
        return new Trained(model, details.Report, $" × {prepared.Classes.Length} classes ({string.Join(", ", prepared.Classes)})", "softmax, ",
            string.Create(CultureInfo.InvariantCulture, $"accuracy {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}"),
            (json, names) => TrainJson.Softmax(json, names, details), details.Model.FeatureNames);
    }

    private static string?[] Reads(LogRegOptionsBase options) => [options.FeatureColumnName, options.LabelColumnName, options.ExampleWeightColumnName];

    private static (IDataView, Func<Microsoft.ML.DataViewSchema.Column, IDataView>)? Rows(PreparedTable prepared, bool direct) =>
        direct ? (prepared.ToMeansRow(), features => prepared.ToTrainerView(PlanFeaturizer.FeatureRows(prepared, features))) : null;

    // The trainer reads the prepared view's label, assembled features and weight.
    private static T Bind<T>(T options, PreparedTable prepared) where T : LogRegOptionsBase
    {
        options.LabelColumnName = prepared.Schema.Options.Label;
        options.FeatureColumnName = prepared.Plan.FeaturesColumn;
        options.ExampleWeightColumnName = prepared.Schema.Weight?.Name;
        return options;
    }
}
