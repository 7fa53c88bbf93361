using System.Diagnostics;
using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Benchmarks;

/// <summary>
/// The quality check of issue 25 on sparse text-like multiclass data (<see cref="MulticlassBenchData.Sparse"/>: Zipf
/// word indicators, 10 classes, every 5th row held out): <c>LogRegCV</c> with its defaults against
/// <c>SdcaMaximumEntropy</c> with its defaults and the multiclass <c>LogReg</c> with its own — held-out micro accuracy
/// and log-loss, and each fit's wall time in this one process (one run each; speed claims come from BenchmarkDotNet).
/// Also <c>LogRegCV</c> without the internal standardisation, which on binary word indicators scales rare words' penalty
/// down (σⱼ small) — what an ML.NET pipeline with <c>FeaturizeText</c>'s normalisation would turn off.
/// <c>dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --text-cv-check [--full]</c>
/// </summary>
internal static class TextCvCheck
{
    public static void Run()
    {
        var data = MulticlassBenchData.Load(MulticlassBenchData.Sparse);
        var ml = new MLContext(1);
        var train = MulticlassBenchData.ToDataView(ml, data.Train);
        var test = MulticlassBenchData.ToDataView(ml, data.Test);
        Console.WriteLine($"{data.Train.RowCount} training rows, {data.Test.RowCount} held out, {data.Train.FeatureCount} features, {data.Train.ClassCount} classes");
        var trainers = new (string Name, IEstimator<ITransformer> Trainer)[]
        {
            ("SdcaMaximumEntropy (defaults)", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
            ("LogReg (defaults)", ml.MulticlassClassification.Trainers.LogReg()),
            ("LogRegCV (defaults)", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Seed = 1 })),
            ("LogRegCV (Standardize = false)", ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Seed = 1, Standardize = false })),
        };
        foreach (var (name, trainer) in trainers)
        {
            var clock = Stopwatch.StartNew();
            var model = trainer.Fit(train);
            double seconds = clock.Elapsed.TotalSeconds;
            var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
            string chosen = LogRegModelDetails.MulticlassModelsIn(model).FirstOrDefault()?.LogRegDetails()?.CrossValidation is { } cv
                ? string.Create(CultureInfo.InvariantCulture, $"  λ = {cv.ChosenLambda:G4} ({cv.ChosenIndex + 1} of {cv.Path.Lambdas.Count}), {cv.Path.NonZero[cv.ChosenIndex]} features")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-32} micro accuracy {metrics.MicroAccuracy:F4}  macro {metrics.MacroAccuracy:F4}  log-loss {metrics.LogLoss:F4}  fit {seconds:F1} s{chosen}"));
        }
    }
}
