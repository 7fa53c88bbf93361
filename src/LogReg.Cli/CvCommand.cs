using System.Globalization;
using System.Text.Json;
using LogReg.Core.Paths;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// cv --data FILE.csv --label COLUMN --model OUT.zip [--l1-ratio α] [--folds 10 [--group-column COL] | --fold-column COL] [--metric deviance|logloss|auc|class]
/// [--rule 1se|min] [--lambda-count 100] [--lambda-min-ratio X] [--tolerance X] [--standardize yes|no] [--json OUT.json] [--plot DIR]: the elastic-net path with
/// its penalty chosen by cross-validation (<see cref="LogRegCVTrainer"/>: glmnet's scaling and cv.glmnet's rules), saved
/// as 'train' saves a model; prints the choice and the curve. A label with more than two classes gets the softmax path
/// (<see cref="LogRegMulticlassCVTrainer"/>, glmnet's <c>family = "multinomial"</c>).
/// </summary>
internal static class CvCommand
{
    public static readonly CliOption[] Options =
    [
        CliOptions.Data, .. CliOptions.ColumnRoles, CliOptions.L1Ratio, CliOptions.CvFolds, CliOptions.FoldColumn, CliOptions.GroupColumn, CliOptions.Metric, CliOptions.Rule, CliOptions.Alignment,
        CliOptions.LambdaCount, CliOptions.LambdaMinRatio, CliOptions.PathTolerance, CliOptions.Unstandardized, CliOptions.Seed, CliOptions.FoldThreads, CliOptions.Model, CliOptions.Json, CliOptions.Plot,
    ];

    public static int Run(Arguments a, TextWriter output)
    {
        a.RequireAll(CliOptions.Data, CliOptions.Label, a.Given(CliOptions.DryRun) ? null : CliOptions.Model);
        string dataPath = a.Required(CliOptions.Data);
        string modelPath = a.Given(CliOptions.DryRun) ? a.Get(CliOptions.Model) ?? "" : a.Required(CliOptions.Model);
        string? jsonPath = a.Get(CliOptions.Json);
        string? plotDirectory = a.Get(CliOptions.Plot);
        CommandLine.RefuseSamePath("cv", ("--model", modelPath.Length == 0 ? null : modelPath), ("--json", jsonPath), ("--data", dataPath));
        OutputPaths.RefuseUnwritable("cv", ("--model", modelPath), ("--json", jsonPath));
        OutputPaths.RefuseFileAsDirectory("cv", "--plot", plotDirectory);
        // A folder not made yet, named also as the model or the JSON: one of the writes would fail after the whole fit.
        CommandLine.RefuseSamePath("cv", ("--model", modelPath.Length == 0 ? null : modelPath), ("--json", jsonPath), ("--plot", plotDirectory));
        string? foldColumn = a.Get(CliOptions.FoldColumn), groupColumn = a.Get(CliOptions.GroupColumn);
        if (foldColumn is not null && a.Given(CliOptions.CvFolds))
        {
            throw new CliException("cv: --folds and --fold-column are both given; the fold column sets the folds.", 2);
        }
        if (foldColumn is not null && groupColumn is not null)
        {
            throw new CliException("cv: --fold-column and --group-column are both given; name the folds or the groups, not both.", 2);
        }
        var columns = ColumnOptions.Read(a) with
        {
            Consumed = [.. foldColumn is null ? [] : new[] { (foldColumn, "--fold-column") }, .. groupColumn is null ? [] : new[] { (groupColumn, "--group-column") }],
        };
        var prepared = CsvInput.Load(a, dataPath, columns, output);
        if (prepared is null)
        {
            return 0;
        }
        int folds = foldColumn is null ? a.Get(CliOptions.CvFolds) : DistinctCells(prepared, foldColumn, "--fold-column", "its fold");
        if (foldColumn is not null && folds < 3)
        {
            var table = prepared.Schema.Table;
            int inFile = table.Column(table.IndexOf(foldColumn, "--fold-column")).Distinct;
            throw new CliException($"cv: column '{foldColumn}' holds {folds} distinct value(s) in the rows used" +
                (inFile > folds ? $" ({inFile} in the file: the rows of the others were left out by --missing skip)" : "") + "; cross-validation needs at least 3 folds.", 2);
        }
        if (foldColumn is null && folds > prepared.Rows.Length)
        {
            throw new CliException($"cv: --folds {folds} is more than the {prepared.Rows.Length} rows used from '{dataPath}'.", 2);
        }
        if (groupColumn is not null && DistinctCells(prepared, groupColumn, "--group-column", "its group") is var groups && groups < folds)
        {
            throw new CliException($"cv: column '{groupColumn}' holds {groups} distinct group(s) in the rows used, fewer than the {folds} folds: " +
                "each fold needs a whole group; use --folds with at most that many.", 2);
        }
        // Drawn here when not given, so that it can be printed and the choice repeated.
        int seed = a.Get(CliOptions.Seed) ?? Random.Shared.Next();
        int smaller = prepared.IsMulticlass
            ? prepared.ClassOfRow.GroupBy(c => c).Min(g => g.Count())
            : Math.Min(prepared.BinaryLabels.Count(y => y), prepared.BinaryLabels.Count(y => !y));
        if (foldColumn is null && smaller >= 2 && smaller < Math.Max(folds, 8))
        {
            output.WriteLine($"warning: the smallest class has {smaller} row(s){(smaller < folds ? $", fewer than the {folds} folds" : "")}: " +
                "the held-out scores rest on very few of its rows and the chosen λ is unstable.");
        }
        var ml = new MLContext(seed);
        var data = prepared.ToDataView(textColumns: (foldColumn ?? groupColumn) is { } named ? [named] : null);
        var options = new LogRegCVOptions
        {
            FoldColumnName = foldColumn,
            SamplingKeyColumnName = groupColumn,
            LabelColumnName = prepared.Schema.Options.Label,
            FeatureColumnName = prepared.Plan.FeaturesColumn,
            ExampleWeightColumnName = prepared.Schema.Weight?.Name,
            L1Ratio = a.Get(CliOptions.L1Ratio) ?? 1,
            NumberOfFolds = folds,
            Metric = a.Get(CliOptions.Metric) ?? CrossValidationMetric.Deviance,
            Rule = a.Get(CliOptions.Rule) ?? LambdaRule.OneStandardError,
            Alignment = a.Get(CliOptions.Alignment) ?? FoldAlignment.SameLambdas,
            LambdaCount = a.Get(CliOptions.LambdaCount) ?? 100,
            LambdaMinRatio = a.Get(CliOptions.LambdaMinRatio),
            Tolerance = a.Get(CliOptions.PathTolerance),
            Standardize = !a.Get(CliOptions.Unstandardized),
            Seed = seed,
            NumberOfThreads = a.Get(CliOptions.FoldThreads),
            Progress = CommandLine.ProgressWriter is { } writer ? new FoldProgress(writer, folds) : null,
        };
        var featurise = FeaturePipeline.Build(ml, prepared.Plan);
        // Where the folds came from: the seed draws them (deals the groups, with a group column), unless the fold column names them.
        string foldSource = foldColumn is not null ? $"column '{foldColumn}'"
            : groupColumn is not null ? $"groups of column '{groupColumn}', seed {seed}"
            : $"seed {seed}";
        var run = new Outputs(ml, prepared, data, output, modelPath, jsonPath, plotDirectory);
        if (prepared.IsMulticlass)
        {
            var model = PipelineFit.Fit(ml, featurise, ml.MulticlassClassification.Trainers.LogRegCV(options), data, [options.FeatureColumnName, options.LabelColumnName, options.ExampleWeightColumnName, options.FoldColumnName, options.SamplingKeyColumnName]);
            var cv = model.LastTransformer.Model.LogRegDetails()!.CrossValidation!;
            run.Write(model, cv, foldSource, (json, names) => CvReport.WriteJson(json, cv, names, prepared.Classes, options.L1Ratio, foldColumn is null ? seed : null),
                (directory, names) => PathPlots.Write(directory, cv, names, prepared.Classes));
        }
        else
        {
            var model = InFileTerms(prepared, () => PipelineFit.Fit(ml, featurise, ml.BinaryClassification.Trainers.LogRegCV(options), data,
                [options.FeatureColumnName, options.LabelColumnName, options.ExampleWeightColumnName, options.FoldColumnName, options.SamplingKeyColumnName]));
            var cv = model.LastTransformer.Model.SubModel.LogRegDetails()!.CrossValidation!;
            run.Write(model, cv, foldSource, (json, names) => CvReport.WriteJson(json, cv, names, options.L1Ratio, foldColumn is null ? seed : null),
                (directory, names) => PathPlots.Write(directory, cv, names));
        }
        return 0;
    }

    // The library names a binary label's classes by their codes ("the positive class (label 1)"); the file by its values.
    private static T InFileTerms<T>(PreparedTable prepared, Func<T> fit)
    {
        try
        {
            return fit();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException && e.Message.Contains(" class (label ", StringComparison.Ordinal))
        {
            string message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
            throw new CliException(message
                .Replace("the positive class (label 1)", $"class '{prepared.Classes[1]}' (the positive class)", StringComparison.Ordinal)
                .Replace("the negative class (label 0)", $"class '{prepared.Classes[0]}' (the negative class)", StringComparison.Ordinal));
        }
    }

    // How many distinct cells a fold or group column holds over the rows used (the folds, or the groups); every used row
    // needs one: a blank would be a fold or a group of its own.
    private static int DistinctCells(PreparedTable prepared, string column, string option, string what)
    {
        var table = prepared.Schema.Table;
        int index = table.IndexOf(column, option);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (int r in prepared.Rows)
        {
            if (table.IsMissing(r, index))
            {
                throw new CliException($"cv: {table.Where(r, index)} is missing (blank, or a missing-value token such as NA); with {option} every row needs {what}.");
            }
            distinct.Add(table.Cell(r, index));
        }
        return distinct.Count;
    }

    // After the fit, the same for both families: the model file, the printed choice and curve, the JSON, the figures.
    private sealed record Outputs(MLContext Ml, PreparedTable Prepared, IDataView Data, TextWriter Output, string ModelPath, string? JsonPath,
        string? PlotDirectory)
    {
        public void Write<TPath>(ITransformer model, CrossValidatedPath<TPath> cv, string foldSource, Action<Utf8JsonWriter, string[]> json,
            Func<string, string[], IReadOnlyList<string>> plots) where TPath : IRegularizationPath
        {
            if (CommandLine.ProgressWriter is { } progress)
            {
                progress.Write("\r" + new string(' ', 40) + "\r");
            }
            CsvInput.Columns(Prepared).SaveWith(Ml, model, Data.Schema, ModelPath);
            var names = FeaturePipeline.SlotNames(Prepared.Plan, model.GetOutputSchema(Data.Schema));
            CvReport.Print(Output, cv, Prepared.Rows.Length, names.Length, ModelPath, foldSource);
            if (JsonPath is not null)
            {
                JsonOutput.WriteWith(JsonPath, stream =>
                {
                    using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                    json(writer, names);
                });
                Output.WriteLine($"cross-validation written to {JsonPath}");
            }
            if (PlotDirectory is not null)
            {
                Output.WriteLine($"plots written: {string.Join(", ", plots(PlotDirectory, names))}");
            }
        }
    }

    // "fold 3 of 10" on the progress writer (a terminal's stderr), rewritten in place.
    private sealed class FoldProgress(TextWriter writer, int folds) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (writer)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"\rcross-validation: fold {value} of {folds} done"));
                writer.Flush();
            }
        }
    }
}
