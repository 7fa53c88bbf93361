using System.Diagnostics;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogReg.Compare;

/// <summary>One multiclass trainer's cross-validated metrics and fit times.</summary>
public sealed record MulticlassTrainerResult(string Trainer, IReadOnlyList<MulticlassMetrics> Folds, IReadOnlyList<double> FitSeconds)
{
    /// <summary>Micro accuracy over folds.</summary>
    public MeanSd MicroAccuracy => MeanSd.Of(Folds.Select(f => f.MicroAccuracy).ToList());

    /// <summary>Macro accuracy over folds.</summary>
    public MeanSd MacroAccuracy => MeanSd.Of(Folds.Select(f => f.MacroAccuracy).ToList());

    /// <summary>Log-loss (nats) over folds.</summary>
    public MeanSd LogLoss => MeanSd.Of(Folds.Select(f => f.LogLoss).ToList());

    /// <summary>Fit seconds over folds.</summary>
    public MeanSd Fit => MeanSd.Of(FitSeconds);
}

/// <summary>Result of <see cref="MulticlassComparison.Run"/>.</summary>
public sealed record MulticlassComparisonResult(int Folds, int Seed, IReadOnlyList<int> FoldOfRow, IReadOnlyList<MulticlassTrainerResult> Results);

/// <summary>
/// Stratified k-fold cross-validation with identical folds for this library's softmax trainer and
/// ML.NET's multiclass trainers: LbfgsMaximumEntropy, SdcaMaximumEntropy, one-versus-all over this
/// library's binary trainer, and one-versus-all FastTree. The linear ones see NormalizeMeanVariance
/// features and the same objective (L2 = 1, L1 = 0; SDCA's L2 is per example, so 1/n).
/// </summary>
public static class MulticlassComparison
{
    /// <summary>This library's softmax trainer.</summary>
    public const string LogRegSoftmax = "LogReg softmax";
    /// <summary>ML.NET's L-BFGS softmax.</summary>
    public const string MLNetMaxEnt = "ML.NET LbfgsMaximumEntropy";
    /// <summary>ML.NET's SDCA softmax.</summary>
    public const string MLNetSdca = "ML.NET SdcaMaximumEntropy";
    /// <summary>One-versus-all over this library's binary trainer.</summary>
    public const string OvaLogReg = "OVA(LogReg)";
    /// <summary>One-versus-all over ML.NET's FastTree (no normalisation).</summary>
    public const string OvaFastTree = "OVA(FastTree)";

    /// <summary>Every trainer, in the order of the table.</summary>
    public static readonly IReadOnlyList<string> TrainerNames = new[] { LogRegSoftmax, MLNetMaxEnt, MLNetSdca, OvaLogReg, OvaFastTree };

    /// <summary>
    /// Cross-validates every trainer on <paramref name="data"/> (a key-typed "Label" and a "Features" vector);
    /// <paramref name="foldFeatures"/>, when given, builds each fold's sets from its training rows only (see <see cref="ComparisonOptions.FoldFeatures"/>).
    /// </summary>
    public static MulticlassComparisonResult Run(IDataView data, int folds = 5, int seed = 1, IProgress<string>? progress = null,
        Func<IReadOnlyList<int>, IReadOnlyList<int>, (Core.Data.MulticlassTrainingSet Train, Core.Data.MulticlassTrainingSet Test)>? foldFeatures = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (set, _) = TrainingSetReader.ReadMulticlass(data, "Label", "Features", null);
        var fold = StratifiedFolds.Assign(set.Labels, set.ClassCount, folds, seed);
        // Each fold's data once, shared by every trainer.
        var splits = Enumerable.Range(0, folds).Select(k =>
        {
            var trainRows = Enumerable.Range(0, set.RowCount).Where(i => fold[i] != k).ToArray();
            var testRows = Enumerable.Range(0, set.RowCount).Where(i => fold[i] == k).ToArray();
            var (trainSet, testSet) = foldFeatures?.Invoke(trainRows, testRows) ?? (Subset(set, trainRows), Subset(set, testRows));
            return (TrainRows: trainRows, TestRows: testRows, Train: trainSet, Test: testSet);
        }).ToArray();
        var results = new List<MulticlassTrainerResult>();
        var pool = new TrainingBufferPool(); // the folds' fits reuse one copy's memory
        foreach (var trainer in TrainerNames)
        {
            var metrics = new List<MulticlassMetrics>();
            var seconds = new List<double>();
            for (int k = 0; k < folds; k++)
            {
                progress?.Report($"{trainer}: fold {k + 1}/{folds}");
                var ml = new MLContext(seed);
                var (trainRows, testRows, trainSet, testSet) = splits[k];
                var train = ml.Data.Cache(trainSet.ToDataView(ml));
                var test = testSet.ToDataView(ml);
                var clock = Stopwatch.StartNew();
                var model = Pipeline(ml, trainer, trainRows.Length, pool).Fit(train);
                clock.Stop();
                var probabilities = model.Transform(test).GetColumn<float[]>("Score").ToList();
                metrics.Add(MulticlassMetrics.Compute(testRows.Select(i => set.Labels[i]).ToArray(), probabilities));
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            results.Add(new MulticlassTrainerResult(trainer, metrics, seconds));
        }
        return new MulticlassComparisonResult(folds, seed, fold, results);
    }

    private static Core.Data.MulticlassTrainingSet Subset(Core.Data.MulticlassTrainingSet set, int[] rows) =>
        new(set.Features.SelectRows(rows), rows.Select(i => set.Labels[i]).ToArray(), set.ClassCount, null, set.FeatureNames, set.ClassNames);

    private static IEstimator<ITransformer> Pipeline(MLContext ml, string trainer, int trainRows, TrainingBufferPool pool)
    {
        var normalize = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false);
        var multiclass = ml.MulticlassClassification.Trainers;
        return trainer switch
        {
            LogRegSoftmax => normalize.Append(multiclass.LogReg(new LogRegMulticlassOptions { L2Regularization = 1, BufferPool = pool })),
            MLNetMaxEnt => normalize.Append(multiclass.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1 })),
            MLNetSdca => normalize.Append(multiclass.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { L2Regularization = 1f / trainRows, L1Regularization = 0 })),
            OvaLogReg => normalize.Append(multiclass.OneVersusAll(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { BufferPool = pool }))),
            OvaFastTree => multiclass.OneVersusAll(ml.BinaryClassification.Trainers.FastTree()),
            _ => throw new ArgumentException($"Unknown trainer '{trainer}'."),
        };
    }
}
