using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// A fixed set of core fits — sigmoid and softmax, dense and sparse, in memory and streamed, every optimizer each
/// offers, and the statistics' own fits (MLE table, Firth, profile intervals, MNLogit) — whose models must not change
/// in a refactoring: each is compared with the model it gave when recorded (<see cref="FitFingerprints"/>).
/// </summary>
public class FitFingerprintTests
{
    private static readonly Lazy<TrainingSet> Dense = new(() => BinarySet(sparse: false));
    private static readonly Lazy<TrainingSet> Sparse = new(() => BinarySet(sparse: true));
    private static readonly Lazy<MulticlassTrainingSet> SoftDense = new(() => SoftmaxData.Set(SoftmaxData.Random(500, 6, 3, seed: 5)));
    private static readonly Lazy<MulticlassTrainingSet> SoftSparse = new(() => SoftmaxData.Set(SoftmaxData.Random(500, 6, 3, seed: 5), sparse: true));

    private static TrainerOptions Base => TrainerOptions.Default with { NumberOfThreads = 2, OptimizationTolerance = 1e-9 };

    private static readonly Dictionary<string, Func<(IReadOnlyList<double> Parameters, int Iterations, double Objective)>> Fits = new()
    {
        ["binary dense Newton"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.Newton }),
        ["binary dense Lbfgs"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.Lbfgs }),
        ["binary dense Auto"] = () => Binary(Dense.Value, Base),
        ["binary dense GD"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 60 }),
        ["binary dense SGD"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.MiniBatchSgd, MaximumNumberOfIterations = 20, Seed = 3 }),
        ["binary dense L1"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.Lbfgs, L1Regularization = 2, OptimizationTolerance = 1e-7 }),
        ["binary dense nonnegative"] = () => Binary(Dense.Value, Base with { EnforceNonNegativity = true, OptimizationTolerance = 1e-7 }),
        ["binary dense MSE"] = () => Binary(Dense.Value, Base with { Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.Lbfgs }),
        ["binary dense balanced"] = () => Binary(Dense.Value, Base with { ClassWeighting = ClassWeighting.Balanced }),
        ["binary dense warm"] = () => Binary(Dense.Value, Base with { Optimizer = OptimizerKind.Lbfgs, InitialParameters = Enumerable.Repeat(0.1, 9).ToArray() }),
        ["binary dense unpenalised"] = () => Binary(Dense.Value, Base with { L2Regularization = 0, Optimizer = OptimizerKind.Newton }),
        ["binary dense Firth"] = () => Binary(Dense.Value, Base with { L2Regularization = 0, FirthBiasReduction = true }),
        ["binary sparse Newton"] = () => Binary(Sparse.Value, Base with { Optimizer = OptimizerKind.Newton }),
        ["binary sparse Lbfgs"] = () => Binary(Sparse.Value, Base with { Optimizer = OptimizerKind.Lbfgs }),
        ["binary sparse GD"] = () => Binary(Sparse.Value, Base with { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 60 }),
        ["binary sparse SGD"] = () => Binary(Sparse.Value, Base with { Optimizer = OptimizerKind.MiniBatchSgd, MaximumNumberOfIterations = 20, Seed = 3 }),
        ["binary sparse L1"] = () => Binary(Sparse.Value, Base with { Optimizer = OptimizerKind.Lbfgs, L1Regularization = 2, OptimizationTolerance = 1e-7 }),
        ["binary streamed Newton"] = () => Streamed(Base with { Optimizer = OptimizerKind.Newton }),
        ["binary streamed Lbfgs"] = () => Streamed(Base with { Optimizer = OptimizerKind.Lbfgs }),
        ["binary streamed GD"] = () => Streamed(Base with { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 60 }),
        ["binary streamed L1"] = () => Streamed(Base with { Optimizer = OptimizerKind.Lbfgs, L1Regularization = 2, OptimizationTolerance = 1e-7 }),
        ["binary streamed balanced"] = () => Streamed(Base with { ClassWeighting = ClassWeighting.Balanced }),
        ["softmax dense Newton"] = () => Softmax(SoftDense.Value, Base with { Optimizer = OptimizerKind.Newton }),
        ["softmax dense Lbfgs"] = () => Softmax(SoftDense.Value, Base with { Optimizer = OptimizerKind.Lbfgs }),
        ["softmax dense Auto"] = () => Softmax(SoftDense.Value, Base),
        ["softmax dense GD"] = () => Softmax(SoftDense.Value, Base with { Optimizer = OptimizerKind.GradientDescent, MaximumNumberOfIterations = 60 }),
        ["softmax dense L1"] = () => Softmax(SoftDense.Value, Base with { Optimizer = OptimizerKind.Lbfgs, L1Regularization = 2, OptimizationTolerance = 1e-7 }),
        ["softmax dense balanced"] = () => Softmax(SoftDense.Value, Base with { ClassWeighting = ClassWeighting.Balanced }),
        ["softmax sparse Newton"] = () => Softmax(SoftSparse.Value, Base with { Optimizer = OptimizerKind.Newton }),
        ["softmax sparse Lbfgs"] = () => Softmax(SoftSparse.Value, Base with { Optimizer = OptimizerKind.Lbfgs }),
        ["statistics spector MLE"] = () => Table(StatisticsCalculator.Fit(ReferenceData.Spector.Dense())),
        ["statistics endometrial Firth"] = () => Table(FirthStatistics.Fit(ReferenceData.Endometrial.Dense())),
        ["statistics spector profile"] = () => Profile(),
        ["statistics iris MNLogit"] = () => Multinomial(),
    };

    public static TheoryData<string> Names => new(Fits.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void TheFitGivesTheRecordedModel(string name)
    {
        var (parameters, iterations, objective) = Fits[name]();
        FitFingerprints.Check(name, parameters, iterations, objective);
    }

    private static TrainingSet BinarySet(bool sparse)
    {
        var random = new Random(11);
        int n = 600, d = 8;
        var w = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var rows = new double[n][];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, d).Select(_ => random.NextDouble() < 0.4 ? 0 : Math.Round(random.NextDouble() * 6 - 3, 2)).ToArray();
            double z = 0.4 + rows[i].Zip(w, (a, b) => a * b).Sum();
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        var names = Enumerable.Range(0, d).Select(j => $"x{j}").ToArray();
        return new TrainingSet(sparse ? SparseMatrix.FromDenseRows(rows, d) : DenseMatrix.FromRows(rows), labels, null, names);
    }

    private static (IReadOnlyList<double>, int, double) Binary(TrainingSet data, TrainerOptions options) =>
        Of(LogisticRegressionTrainer.Train(data, options));

    private static (IReadOnlyList<double>, int, double) Streamed(TrainerOptions options) =>
        Of(StreamingTraining.Train(new InMemoryBlockSource(Dense.Value, 128), options));

    private static (IReadOnlyList<double>, int, double) Of(FitResult<LogisticModel> fit) =>
        (fit.Model.Weights.Append(fit.Model.Bias).ToArray(), fit.Report.Optimization.Iterations, fit.Report.Optimization.Objective);

    private static (IReadOnlyList<double>, int, double) Softmax(MulticlassTrainingSet data, TrainerOptions options)
    {
        var fit = SoftmaxRegressionTrainer.Train(data, options);
        return (fit.Model.Weights.Concat(fit.Model.Biases).ToArray(), fit.Report.Optimization.Iterations, fit.Report.Optimization.Objective);
    }

    private static (IReadOnlyList<double>, int, double) Table(ModelStatistics statistics) =>
        (statistics.Coefficients.SelectMany(c => new[] { c.Estimate, c.StandardError ?? double.NaN }).ToArray(), statistics.ParameterCount, statistics.LogLikelihood);

    private static (IReadOnlyList<double>, int, double) Profile()
    {
        var data = ReferenceData.Spector.Dense();
        var mle = StatisticsCalculator.Fit(data);
        var intervals = ProfileLikelihood.Intervals(data, mle.Coefficients.Select(c => c.Estimate).ToArray(),
            mle.Coefficients.Select(c => c.StandardError!.Value).ToArray());
        return (intervals.SelectMany(i => new[] { i.Low, i.High }).ToArray(), intervals.Length, mle.LogLikelihood);
    }

    private static (IReadOnlyList<double>, int, double) Multinomial()
    {
        var statistics = MultinomialStatisticsCalculator.Fit(SoftmaxData.IrisSet(), threads: 2);
        // Iris is separated (setosa): its standard errors are withheld, so the fingerprint holds the estimates alone then.
        return (statistics.Coefficients.SelectMany(k => k).SelectMany(c => c.StandardError is { } error ? new[] { c.Estimate, error } : [c.Estimate]).ToArray(),
            statistics.ParameterCount, statistics.LogLikelihood);
    }
}
