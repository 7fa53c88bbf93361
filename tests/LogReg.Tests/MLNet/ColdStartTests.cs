using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// What the first fit in a process does to start sooner: a helper thread maps the copy's memory while
/// the rows are read (<see cref="PageFaultAhead{T}"/>), and a rehearsal fit compiles the optimizer
/// meanwhile (<see cref="ColdStartRehearsal"/>). Neither may change a value or a model.
/// </summary>
public class ColdStartTests
{
    private const int D = 100;
    private const int Rows = 60_000; // 24 MB of floats: over PageFaultAhead's minimum

    private static float Value(int row, int column) => row * 0.001f + column;

    [Fact]
    public void RowsReadWhileAHelperMapsTheArrayKeepEveryValue()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var builder = new DenseRowsBuilder(D, Rows, threads: 2);
            var row = new float[D];
            for (int i = 0; i < Rows; i++)
            {
                for (int j = 0; j < D; j++)
                {
                    row[j] = Value(i, j);
                }
                builder.Add(new VBuffer<float>(D, row));
            }
            var matrix = (DenseMatrix)builder.Build();
            for (int i = 0; i < Rows; i++)
            {
                var values = matrix.Row(i);
                for (int j = 0; j < D; j++)
                {
                    Assert.Equal(Value(i, j), values[j]);
                }
            }
        }
    }

    [Fact]
    public void NothingButTheReaderWritesToTheArrayOnceTheHelperIsStopped()
    {
        // The reader stops after its first chunk: the helper is still mapping the rest when it is stopped.
        var array = new float[Rows * D];
        var helper = PageFaultAhead<float>.StartFor(array, threads: 2)!;
        helper.ClaimBelow(1000);
        Array.Fill(array, 3f, 0, 1000);
        helper.Stop();
        Array.Fill(array, 7f, 1000, array.Length - 1000);
        Thread.Sleep(100);
        Assert.Equal(array.Length - 1000, array.Skip(1000).Count(v => v == 7f));
        Assert.Equal(1000, array.Take(1000).Count(v => v == 3f));
    }

    [Fact]
    public void TheHelperStartsOnlyForLargeArraysWithASecondThread()
    {
        var large = new float[(PageFaultAhead<float>.MinimumBytes / sizeof(float)) + 1];
        Assert.Null(PageFaultAhead<float>.StartFor(large, threads: 1));
        Assert.Null(PageFaultAhead<float>.StartFor(new float[1000], threads: 2));
        var helper = PageFaultAhead<float>.StartFor(large, threads: 2);
        Assert.NotNull(helper);
        helper.Stop();
    }

    public static TheoryData<LossKind, OptimizerKind, double, bool, bool> Shapes() => new()
    {
        { LossKind.BinaryCrossEntropy, OptimizerKind.Lbfgs, 0, false, false },
        { LossKind.BinaryCrossEntropy, OptimizerKind.Lbfgs, 0, false, true },
        { LossKind.BinaryCrossEntropy, OptimizerKind.Lbfgs, 0.5, false, true },
        { LossKind.BinaryCrossEntropy, OptimizerKind.Lbfgs, 0, true, false },
        { LossKind.BinaryCrossEntropy, OptimizerKind.Newton, 0, false, false },
        { LossKind.MeanSquaredError, OptimizerKind.GradientDescent, 0, false, true },
        { LossKind.MeanSquaredError, OptimizerKind.MiniBatchSgd, 0, false, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheRehearsalFitsEveryKindOfFitOnItsSyntheticSet(LossKind loss, OptimizerKind optimizer, double l1, bool nonNegative, bool sparse)
    {
        foreach (int d in new[] { 3, 9, 250 })
        {
            var options = TrainerOptions.Default with { Loss = loss, Optimizer = optimizer, L1Regularization = l1, EnforceNonNegativity = nonNegative };
            var fit = ColdStartRehearsal.Fit(options, d, sparse);
            Assert.Equal(d, fit.Model.FeatureCount);
            Assert.All(fit.Model.Weights, w => Assert.True(double.IsFinite(w)));
            Assert.Equal(optimizer, fit.Report.Optimizer);
        }
    }

    [Fact]
    public async Task TheRehearsalStartsOnceForEachKindOfLargeFitWithASecondThread()
    {
        // A kind of fit no other test trains on a large set: MSE, gradient descent, L1, non-negative, sparse.
        var options = TrainerOptions.Default with
        {
            Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.GradientDescent, L1Regularization = 0.1, EnforceNonNegativity = true,
        };
        FitResult<LogisticModel>? rehearsed = null;
        Assert.Null(ColdStartRehearsal.StartIfUseful(options with { NumberOfThreads = 1 }, 100_000, 100, sparse: true, _ => { }));
        Assert.Null(ColdStartRehearsal.StartIfUseful(options with { NumberOfThreads = 2 }, 1_000, 100, sparse: true, _ => { }));
        var first = ColdStartRehearsal.StartIfUseful(options with { NumberOfThreads = 2 }, 100_000, 100, sparse: true, fit => rehearsed = fit);
        Assert.NotNull(first);
        Assert.Null(ColdStartRehearsal.StartIfUseful(options with { NumberOfThreads = 2 }, 200_000, 50, sparse: true, _ => { }));
        await first;
        Assert.Equal(100, rehearsed!.Model.FeatureCount);
    }

    [Fact]
    public async Task AFitDuringARehearsalGivesTheSameModelBitForBit()
    {
        var rows = TrainingBehaviourTests.SyntheticRows(3000, 20, seed: 5, sparse: false);
        var set = new TrainingSet(
            new DenseMatrix(rows.Count, 20, rows.SelectMany(r => r.Features).ToArray()), rows.Select(r => r.Label ? 1.0 : 0.0).ToArray());
        var options = TrainerOptions.Default with { Optimizer = OptimizerKind.Lbfgs, NumberOfThreads = 2 };
        var alone = LogisticRegressionTrainer.Train(set, options).Model;

        var rehearsals = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ColdStartRehearsal.Fit(options, 20, sparse: false))).ToArray();
        var during = LogisticRegressionTrainer.Train(set, options).Model;
        await Task.WhenAll(rehearsals);

        Assert.Equal(alone.Weights, during.Weights);
        Assert.Equal(alone.Bias, during.Bias);
    }
}
