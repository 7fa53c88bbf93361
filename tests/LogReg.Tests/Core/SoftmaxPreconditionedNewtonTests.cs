using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// Newton-CG on sparse softmax rows preconditions its conjugate gradients with (1 − a)·L2 + a·diag(H): the curvature's
/// diagonal must be its plain-loop definition (in single precision where the products are), be offered on sparse rows
/// only, and the preconditioned fit must end where the plain one ends, with fewer products on text-like rows.
/// </summary>
public class SoftmaxPreconditionedNewtonTests
{
    [Fact]
    public void TheCurvatureDiagonalIsThePlainOneOnSparseRowsAndNotOfferedOnDenseOnes()
    {
        var set = SoftmaxPassTests.WideSparse(200, 5000, 7, seed: 11, out var rows);
        var theta = SoftmaxKernelTests.Numbers(7 * 5001, new Random(12));
        var expected = SoftmaxPassTests.PlainDiagonal(rows, set, theta, 0.3);
        var diagonal = new double[theta.Length];
        // Single-precision products: the diagonal's column sums in single precision too.
        Assert.NotNull(new SoftmaxBlocks(set.Features, 7).SingleProducts);
        var objective = new SoftmaxObjective(set, l2: 0.3);
        Assert.True(objective.HessianAt(theta).TryGetDiagonal(diagonal));
        NumericAssert.Close(expected, diagonal, 1e-6, "diagonal (single)");
        Assert.Contains(expected.Zip(diagonal), pair => pair.First != pair.Second);

        // A value four decades from the others keeps the products in double: the double diagonal, to double's rounding.
        int at = Array.FindIndex(rows[3], x => x != 0);
        rows[3][at] = 1e5;
        var wide = new MulticlassTrainingSet(SparseMatrix.FromDenseRows(rows, 5000), set.Labels, 7, set.ExampleWeights);
        Assert.Null(new SoftmaxBlocks(wide.Features, 7).SingleProducts);
        Array.Fill(diagonal, double.NaN);
        Assert.True(new SoftmaxObjective(wide, l2: 0.3).HessianAt(theta).TryGetDiagonal(diagonal));
        NumericAssert.Close(SoftmaxPassTests.PlainDiagonal(rows, wide, theta, 0.3), diagonal, 1e-12, "diagonal (double)");

        // Dense rows: a diagonal would cost a product and save CG none, so none is offered and nothing is written.
        var dense = new MulticlassTrainingSet(DenseMatrix.FromRows(rows.Take(50).ToArray()), set.Labels.Take(50).ToArray(), 7);
        Array.Fill(diagonal, double.NaN);
        Assert.False(new SoftmaxObjective(dense, l2: 0.3).HessianAt(theta).TryGetDiagonal(diagonal));
        Assert.All(diagonal, v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.05)]
    public void PreconditionedNewtonEndsWherePlainNewtonEndsWithFewerProducts(double l2)
    {
        // The same rows held sparse (preconditioned CG) and dense (plain CG, double products), Newton to 1e-11.
        var set = SoftmaxPassTests.WideSparse(600, 3000, 9, seed: 13, out var rows);
        var dense = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), set.Labels, 9, set.ExampleWeights);
        var tight = new TrainerOptions { L2Regularization = l2, OptimizationTolerance = 1e-11, Optimizer = OptimizerKind.Newton };
        var preconditioned = SoftmaxRegressionTrainer.Train(set, tight).Report.Optimization;
        var plain = SoftmaxRegressionTrainer.Train(dense, tight).Report.Optimization;
        Assert.True(preconditioned.Converged, preconditioned.Message);
        Assert.True(plain.Converged, plain.Message);
        NumericAssert.Relative(plain.Objective, preconditioned.Objective, 1e-13, "objective");
        NumericAssert.Close(plain.Minimizer, preconditioned.Minimizer, 1e-8, "θ");
        // One diagonal per Newton step on the sparse rows, none on the dense ones.
        Assert.Equal(preconditioned.Evaluations.HessianBuilds, preconditioned.Evaluations.PreconditionerPasses);
        Assert.Equal(0, plain.Evaluations.PreconditionerPasses);
        // Fewer products at the default tolerance (at 1e-11 and L2 = 1 these rows take one more Newton step preconditioned,
        // 111 products against 91: the README's sixth stop).
        var byDefault = new TrainerOptions { L2Regularization = l2, Optimizer = OptimizerKind.Newton };
        preconditioned = SoftmaxRegressionTrainer.Train(set, byDefault).Report.Optimization;
        plain = SoftmaxRegressionTrainer.Train(dense, byDefault).Report.Optimization;
        Assert.True(preconditioned.Evaluations.HessianVectorProducts < plain.Evaluations.HessianVectorProducts,
            $"products: preconditioned {preconditioned.Evaluations.HessianVectorProducts}, plain {plain.Evaluations.HessianVectorProducts}");
        // The diagonal's sums run in the passes' chunk and column order: the same bits at 1 and 2 threads.
        var one = SoftmaxRegressionTrainer.Train(set, byDefault with { NumberOfThreads = 1 }).Report.Optimization;
        var two = SoftmaxRegressionTrainer.Train(set, byDefault with { NumberOfThreads = 2 }).Report.Optimization;
        Assert.Equal(one.Minimizer, two.Minimizer);
        Assert.Equal(preconditioned.Minimizer, two.Minimizer);
    }

    [Fact]
    public void WithoutAnL2PartConjugateGradientsStayPlain()
    {
        // M = (1 − a)·L2 + a·diag(H) needs the L2 part; without it the diagonal alone (Jacobi) cost products on text, so
        // none is made.
        var set = SoftmaxPassTests.WideSparse(300, 2000, 5, seed: 14, out _);
        var options = new TrainerOptions { L2Regularization = 0, L1Regularization = 0, Optimizer = OptimizerKind.Newton, MaximumNumberOfIterations = 3 };
        var report = SoftmaxRegressionTrainer.Train(set, options).Report.Optimization;
        Assert.True(report.Evaluations.HessianVectorProducts > 0);
        Assert.Equal(0, report.Evaluations.PreconditionerPasses);
    }
}
