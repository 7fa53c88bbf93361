using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// One contract for every model family over every row source the capability table admits (and its refusal where it does
/// not): the fit equals the in-memory fit of its family, an example weight of 2 is the row twice, a warm start at the
/// optimum stays there, the thread count changes no bit, the report keeps setting values and no callbacks, and an option is
/// refused exactly when <see cref="FitCapabilities.Check"/> says so.
/// </summary>
public class FitContractTests
{
    public static TheoryData<ModelFamily, RowSource> Cases()
    {
        var cases = new TheoryData<ModelFamily, RowSource>();
        foreach (var family in Enum.GetValues<ModelFamily>())
        {
            foreach (var source in Enum.GetValues<RowSource>())
            {
                cases.Add(family, source);
            }
        }
        return cases;
    }

    private static readonly TrainerOptions Tight = new()
    {
        Optimizer = OptimizerKind.Newton, L2Regularization = 0.3, OptimizationTolerance = 1e-11, NumberOfThreads = 2,
    };

    // 2,400 rows: the in-memory set, and its sources (streamed in 500-row blocks; three uneven shards).
    private static (double[][] Rows, int[] Labels) Rows(ModelFamily family) => SoftmaxData.Random(2400, 7, family == ModelFamily.Softmax ? 3 : 2, seed: 17);

    private static TrainingSet Binary((double[][] Rows, int[] Labels) data, double[]? weights) =>
        new(DenseMatrix.FromRows(data.Rows), data.Labels.Select(y => (double)y).ToArray(), weights);

    private static MulticlassTrainingSet Softmax((double[][] Rows, int[] Labels) data, double[]? weights) =>
        new(DenseMatrix.FromRows(data.Rows), data.Labels, 3, weights);

    /// <summary>θ of the fit of <paramref name="family"/> over <paramref name="source"/>, and its report.</summary>
    private static (double[] Theta, FitReport Report) Fit(ModelFamily family, RowSource source, (double[][] Rows, int[] Labels) data, double[]? weights,
        TrainerOptions options)
    {
        if (family == ModelFamily.Softmax)
        {
            var set = Softmax(data, weights);
            var softmax = source switch
            {
                RowSource.InMemory => Fitter.Fit(FitProblem.Softmax(set), options),
                RowSource.Streamed => Fitter.Fit(FitProblem.Softmax(new InMemoryMulticlassBlockSource(set, 500)), options),
                // Three in-process parts summed in order, as shards are (LogReg.Distributed's objective has its own tests).
                _ => Fitter.Fit(FitProblem.ShardedSoftmax(new StreamingSoftmaxObjective(new InMemoryMulticlassBlockSource(set, (set.RowCount + 2) / 3),
                    new LogReg.Core.Penalties.ElasticNetPenalty(options.L2Regularization, options.L1Regularization, set.ClassCount * set.FeatureCount, options.EnforceNonNegativity),
                    options.ResolvedThreads, options.ClassWeighting), set.ClassNames, null, "three in-process shards"), options),
            };
            return (softmax.Model.ToParameters(), softmax.Report);
        }
        var binary = Binary(data, weights);
        var problem = source switch
        {
            RowSource.InMemory => FitProblem.Binary(binary),
            RowSource.Streamed => FitProblem.Binary(new InMemoryBlockSource(binary, 500)),
            _ => FitProblem.Sharded(new InProcessShardsObjective(Shards(binary), options), null, "three in-process shards"),
        };
        var fit = Fitter.Fit(problem, options);
        return (fit.Model.ToParameters(), fit.Report);
    }

    // Three uneven shards: 30 %, 45 %, 25 % of the rows.
    private static TrainingSet[] Shards(TrainingSet data)
    {
        int n = data.RowCount, a = n * 3 / 10, b = n * 3 / 4;
        return [data.SelectRows([.. Enumerable.Range(0, a)]), data.SelectRows([.. Enumerable.Range(a, b - a)]), data.SelectRows([.. Enumerable.Range(b, n - b)])];
    }

    private static bool Admitted(ModelFamily family, RowSource source) => FitCapabilities.Check(family, source, Tight) is null;

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFitIsTheInMemoryFitOfItsFamily(ModelFamily family, RowSource source)
    {
        var data = Rows(family);
        Assert.True(Admitted(family, source), $"{family} {source}");
        var (theta, report) = Fit(family, source, data, null, Tight);
        var (expected, _) = Fit(family, RowSource.InMemory, data, null, Tight);
        Assert.True(report.Optimization.Converged, report.Optimization.Message);
        NumericAssert.Close(expected, theta, 1e-9, $"{family} {source}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnExampleWeightOfTwoIsTheRowTwice(ModelFamily family, RowSource source)
    {
        if (!Admitted(family, source))
        {
            return;
        }
        var data = Rows(family);
        var weights = data.Labels.Select((_, i) => i % 5 == 0 ? 2.0 : 1.0).ToArray();
        var twice = Enumerable.Range(0, data.Labels.Length).SelectMany(i => i % 5 == 0 ? new[] { i, i } : new[] { i }).ToArray();
        var repeated = (twice.Select(i => data.Rows[i]).ToArray(), twice.Select(i => data.Labels[i]).ToArray());
        NumericAssert.Close(Fit(family, source, repeated, null, Tight).Theta, Fit(family, source, data, weights, Tight).Theta, 1e-8, $"{family} {source}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AWarmStartAtTheOptimumStaysThereAndThreadsChangeNoBit(ModelFamily family, RowSource source)
    {
        if (!Admitted(family, source))
        {
            return;
        }
        var data = Rows(family);
        var (theta, _) = Fit(family, source, data, null, Tight);
        var (warm, report) = Fit(family, source, data, null, Tight with { InitialParameters = theta });
        Assert.True(report.Optimization.Iterations <= 1, $"{report.Optimization.Iterations} iterations from the optimum");
        NumericAssert.Close(theta, warm, 1e-10, "warm");
        var one = Fit(family, source, data, null, TrainerOptions.Default with { NumberOfThreads = 1 }).Theta;
        var two = Fit(family, source, data, null, TrainerOptions.Default with { NumberOfThreads = 2 }).Theta;
        Assert.Equal(one, two);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheReportKeepsValuesAndTheRefusalsAreTheTables(ModelFamily family, RowSource source)
    {
        var data = Rows(family);
        if (Admitted(family, source))
        {
            var logged = new List<LogEvent>();
            var (_, report) = Fit(family, source, data, null, TrainerOptions.Default with { Log = logged.Add });
            Assert.NotEmpty(logged);
            Assert.Null(report.Options.Log);
            Assert.NotEqual(OptimizerKind.Auto, report.Optimizer);
        }
        foreach (var (option, value, f, s, refusal) in FitCapabilities.Table().Where(r => r.Family == family && r.Source == source))
        {
            var example = option == "(defaults)" ? TrainerOptions.Default : ExampleOf(option);
            var attempt = Record.Exception(() => Fit(family, source, data, null, example with { NumberOfThreads = 2, MaximumNumberOfIterations = 3 }));
            if (refusal is null)
            {
                Assert.Null(attempt);
            }
            else
            {
                Assert.Contains(refusal, Assert.IsType<ArgumentException>(attempt).Message);
            }
        }
    }

    [Fact]
    public void ASummedObjectiveBuiltFromOtherOptionsOrForTheSoftmaxIsRefused()
    {
        var data = Binary(Rows(ModelFamily.Sigmoid), null);
        var shards = new InProcessShardsObjective(Shards(data), Tight);
        var other = Assert.Throws<ArgumentException>(() => Fitter.Fit(FitProblem.Sharded(shards, null, "x"), Tight with { L2Regularization = 50 }));
        Assert.Contains("built with L2 = 0.3", other.Message);
        var softmax = new StreamingSoftmaxObjective(new InMemoryMulticlassBlockSource(Softmax(Rows(ModelFamily.Softmax), null), 500),
            new LogReg.Core.Penalties.ElasticNetPenalty(0.3, 0, 3 * 7), 1, ClassWeighting.None);
        var family = Assert.Throws<ArgumentException>(() => Fitter.Fit(FitProblem.Sharded(softmax, null, "x"), Tight));
        Assert.Contains("has 3 bias(es)", family.Message);
    }

    // The option values the capability rules govern, as the table's examples set them.
    private static TrainerOptions ExampleOf(string option) => option switch
    {
        nameof(TrainerOptions.Loss) => TrainerOptions.Default with { Loss = LogReg.Core.Losses.LossKind.MeanSquaredError },
        nameof(TrainerOptions.Optimizer) => TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd },
        nameof(TrainerOptions.ClassWeighting) => TrainerOptions.Default with { ClassWeighting = ClassWeighting.Explicit(1, 2) },
        nameof(TrainerOptions.FirthBiasReduction) => TrainerOptions.Default with { FirthBiasReduction = true, L2Regularization = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "A rule the contract suite does not know: add its example."),
    };
}
