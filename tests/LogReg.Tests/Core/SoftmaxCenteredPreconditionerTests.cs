using LogReg.Core.Data;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// L-BFGS on the softmax starts each memory from the per-class centred-diagonal preconditioner: columns far from zero
/// compared with their spread (raw measurements, as in mlbench's waveform or Vehicle) must cost about what the same
/// columns centred cost, and the fit must end at the optimum full Newton finds.
/// </summary>
public class SoftmaxCenteredPreconditionerTests
{
    private static readonly double[] Offsets = { 100, -300, 1000, 50, 0, 2000, -700, 10 };

    private static MulticlassTrainingSet Shifted(double[][] rows, int[] labels, bool shift) =>
        new(DenseMatrix.FromRows(rows.Select(r => r.Select((x, j) => x + (shift ? Offsets[j] : 0)).ToArray()).ToArray()), labels, 4);

    [Fact]
    public void ColumnsFarFromZeroCostLbfgsAboutWhatCentredOnesCost()
    {
        var (rows, labels) = SoftmaxData.Random(2000, 8, 4, seed: 21);
        // 1e-8, not tighter: at 1e-9 the decrement bound, (1e-9·F)² ≈ 1e-12 for F ≈ 1,000, is below what a line search can
        // tell from rounding (64·ε·F ≈ 1.4e-11), and whether L-BFGS stops "converged" or "no further progress" at the same
        // point became a coin toss (10 of 30 seeds of this set, before and after the start's moments; 0 of 30 at 1e-8).
        var lbfgs = new TrainerOptions { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8 };
        var centred = SoftmaxRegressionTrainer.Train(Shifted(rows, labels, shift: false), lbfgs).Report.Optimization;
        var raw = SoftmaxRegressionTrainer.Train(Shifted(rows, labels, shift: true), lbfgs).Report.Optimization;
        Assert.True(centred.Converged, centred.Message);
        Assert.True(raw.Converged, raw.Message);
        // Without the centring the raw columns took 1,000+ iterations here (the cap); with it, within twice the centred count.
        Assert.True(raw.Iterations <= 2 * centred.Iterations + 10, $"raw {raw.Iterations} iterations, centred {centred.Iterations}");
        // The same optimum as full Newton on the dense Hessian.
        var newton = SoftmaxRegressionTrainer.Train(Shifted(rows, labels, shift: true), lbfgs with { Optimizer = OptimizerKind.Newton, OptimizationTolerance = 1e-12 }).Report.Optimization;
        Assert.True(newton.Converged, newton.Message);
        NumericAssert.Relative(newton.Objective, raw.Objective, 1e-12, "objective");
    }
}
