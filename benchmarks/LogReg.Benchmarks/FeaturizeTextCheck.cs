using System.Diagnostics;
using System.Globalization;
using LogReg.Core.Paths;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// Issue 25's text check on real text as an ML.NET user meets it: a tab-separated file of (label, text), an 80/20 split
/// (seed 1), <c>FeaturizeText</c> with its defaults (word 1–2-grams and character 3-grams, 10⁵+ features), then
/// <c>SdcaMaximumEntropy</c>, the multiclass <c>LogReg</c> and <c>LogRegCV</c> (defaults; also <c>lambda.min</c> and
/// <c>Standardize = false</c>) — held-out accuracy, log-loss and each fit's wall time in this one process (single runs).
/// <c>export PREFIX</c> writes the featurised training and held-out rows as triplets for <c>peers/glmnet_wide.R</c>.
/// <c>dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --featurize-text-check FILE.tsv [all|sdca|logreg|cv|cvmin|cvns|export PREFIX]</c>
/// </summary>
internal static class FeaturizeTextCheck
{
    public static void Run(string file, string which, string? prefix)
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(ml.Data.LoadFromTextFile<Row>(file, separatorChar: '\t', allowQuoting: false), 0.2, seed: 1);
        var prepared = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.Transforms.Text.FeaturizeText("Features", "Text")).Fit(split.TrainSet);
        var train = ml.Data.Cache(prepared.Transform(split.TrainSet), "Label", "Features");
        var test = prepared.Transform(split.TestSet);
        Console.WriteLine($"{Path.GetFileName(file)}: {((VectorDataViewType)train.Schema["Features"].Type).Size} features (FeaturizeText defaults)");
        if (which == "export")
        {
            Export(train, prefix + ".train");
            Export(test, prefix + ".test");
            return;
        }
        var trainers = new List<(string Name, string Key, IEstimator<ITransformer> Trainer)>
        {
            ("SdcaMaximumEntropy", "sdca", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
            ("LogReg", "logreg", ml.MulticlassClassification.Trainers.LogReg()),
            ("LogRegCV", "cv", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Seed = 1 })),
            ("LogRegCV lambda.min", "cvmin", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Seed = 1, Rule = LambdaRule.Minimum })),
            ("LogRegCV Standardize=false", "cvns", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Seed = 1, Standardize = false })),
        };
        foreach (var (name, _, trainer) in trainers.Where(t => which == "all" || which == t.Key))
        {
            var clock = Stopwatch.StartNew();
            var model = trainer.Fit(train);
            double seconds = clock.Elapsed.TotalSeconds;
            var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} micro {metrics.MicroAccuracy:F4}  macro {metrics.MacroAccuracy:F4}  log-loss {metrics.LogLoss:F4}  fit {seconds:F1} s"));
        }
    }

    // row,column,value (1-based) of the non-zero features, and the label's key − 1 per row.
    private static void Export(IDataView view, string prefix)
    {
        using var triplets = new StreamWriter(prefix + ".csv");
        using var labels = new StreamWriter(prefix + "_labels.csv");
        triplets.WriteLine("row,column,value");
        labels.WriteLine("Label");
        var (features, label) = (view.Schema["Features"], view.Schema["Label"]);
        using var cursor = view.GetRowCursor([features, label]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        var getLabel = cursor.GetGetter<uint>(label);
        var row = default(VBuffer<float>);
        uint key = 0;
        for (int i = 1; cursor.MoveNext(); i++)
        {
            getFeatures(ref row);
            getLabel(ref key);
            labels.WriteLine(key - 1);
            foreach (var (j, value) in row.Items())
            {
                if (value != 0)
                {
                    triplets.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{j + 1},{value:R}"));
                }
            }
        }
    }

    private sealed class Row
    {
        [LoadColumn(0)] public string Label { get; set; } = "";

        [LoadColumn(1)] public string Text { get; set; } = "";
    }
}
