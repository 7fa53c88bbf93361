using System.Diagnostics;
using System.Globalization;
using LogReg.Core.Paths;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// Issue 25's motivating case, run as ML.NET's GitHub-labeler sample runs it: <c>corefx-issues-train.tsv</c> from
/// dotnet/machinelearning-samples (1,614 issues, 22 areas), <c>MLContext(seed: 1)</c>, <c>MapValueToKey</c> on the area,
/// <c>FeaturizeText</c> with its defaults on the title and on the description, concatenated and cached, then the
/// sample's 6-fold <c>CrossValidate</c> with each trainer — the folds' mean micro and macro accuracy and log-loss, and
/// the wall time of the whole cross-validation in this process (single runs).
/// <c>dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --github-labeler-check corefx-issues-train.tsv [sdca,logreg,cv,cvmin,cvns,ridge,enet]</c>
/// </summary>
internal static class GitHubLabelerCheck
{
    public static void Run(string file, string which)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Issue>(file, hasHeader: true, separatorChar: '\t', allowSparse: false);
        var prepare = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Issue.Area))
            .Append(ml.Transforms.Text.FeaturizeText("TitleFeaturized", nameof(Issue.Title)))
            .Append(ml.Transforms.Text.FeaturizeText("DescriptionFeaturized", nameof(Issue.Description)))
            .Append(ml.Transforms.Concatenate("Features", "TitleFeaturized", "DescriptionFeaturized"))
            .AppendCacheCheckpoint(ml);
        var trainers = new List<(string Name, string Key, IEstimator<ITransformer> Trainer)>
        {
            ("SdcaMaximumEntropy", "sdca", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
            ("LogReg", "logreg", ml.MulticlassClassification.Trainers.LogReg()),
            ("LogRegCV", "cv", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions())),
            ("LogRegCV lambda.min", "cvmin", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Rule = LambdaRule.Minimum })),
            ("LogRegCV Standardize=false", "cvns", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Standardize = false })),
            ("LogRegCV L1Ratio=0", "ridge", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { L1Ratio = 0 })),
            ("LogRegCV L1Ratio=0.5", "enet", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { L1Ratio = 0.5 })),
        };
        var keys = which.Split(',');
        foreach (var (name, _, trainer) in trainers.Where(t => which == "all" || keys.Contains(t.Key)))
        {
            var clock = Stopwatch.StartNew();
            var folds = ml.MulticlassClassification.CrossValidate(data, prepare.Append(trainer), numberOfFolds: 6, labelColumnName: "Label");
            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} micro {folds.Average(f => f.Metrics.MicroAccuracy):F4}  macro {folds.Average(f => f.Metrics.MacroAccuracy):F4}  " +
                $"log-loss {folds.Average(f => f.Metrics.LogLoss):F4}  6-fold CrossValidate {seconds:F1} s"));
        }
    }

    private sealed class Issue
    {
        [LoadColumn(0)] public string ID { get; set; } = "";

        [LoadColumn(1)] public string Area { get; set; } = "";

        [LoadColumn(2)] public string Title { get; set; } = "";

        [LoadColumn(3)] public string Description { get; set; } = "";
    }
}
