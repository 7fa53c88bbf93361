using LogReg.Core.Data;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Auto's choice between L-BFGS and Newton-CG for the softmax on sparse rows, and the shape it reads.</summary>
public class SoftmaxAutoSparseTests
{
    private const int Columns = 40;

    // Rows of `stored` values in `columns` columns (n·stored/columns values a column), labels following three columns,
    // each row scaled to norm `scale(i)`.
    private static double[][] TextRows(int n, Func<int, double> scale, int columns = Columns, int stored = 10)
    {
        var random = new Random(11);
        return Enumerable.Range(0, n).Select(i =>
        {
            var row = new double[columns];
            foreach (int j in Enumerable.Range(0, columns).OrderBy(_ => random.Next()).Take(stored))
            {
                row[j] = 1 + random.Next(4);
            }
            double norm = Math.Sqrt(row.Sum(v => v * v));
            return row.Select(v => (double)(float)(v / norm * scale(i))).ToArray();
        }).ToArray();
    }

    private static MulticlassTrainingSet Set(double[][] rows, double[]? weights = null) =>
        new(SparseMatrix.FromDenseRows(rows, rows[0].Length), rows.Select(r => (r[0] > r[1] ? 1 : 0) + (r[2] > 0 ? 2 : 0)).ToArray(), 4, weights);

    // Tolerance 1e-8: at 1e-9 and below L-BFGS's decrement bound can lie under what its line search resolves (Known limits).
    private static FitResult<SoftmaxModel> Fit(MulticlassTrainingSet set, double l2, OptimizerKind kind = OptimizerKind.Auto) =>
        SoftmaxRegressionTrainer.Train(set, new TrainerOptions { L2Regularization = l2, Optimizer = kind, OptimizationTolerance = 1e-8, NumberOfThreads = 1 });

    [Fact]
    public void ShapeReadsNormsOfRowsWithPositiveWeightOnly()
    {
        var rows = new[] { new[] { 3.0, 4, 0 }, new[] { 0, 0, 2.0 }, new[] { 0.0, 0, 0 }, new[] { 10.0, 0, 0 } };
        var shape = SparseRowShape.Of(SparseMatrix.FromDenseRows(rows, 3), new[] { 2.0, 1, 5, 0 });
        Assert.Equal(25.0 / 4, shape.RowNormSpread);          // 25 and 4; the empty row and the zero-weight row's 100 left out
        Assert.Equal(2 * 25.0 + 4, shape.WeightedSquaredNorm);
        Assert.Equal(4.0 / 3, shape.StoredValuesPerColumn);
        Assert.Equal(2.0 / 3, shape.RowsPerColumn);
        Assert.Equal(10.0 / 2, shape.ValueSpan);
        Assert.Equal(54 / (3 * 0.5), shape.CurvatureOverPenalty(3, 0.5));
        Assert.Equal(double.PositiveInfinity, shape.CurvatureOverPenalty(3, 0));
    }

    [Fact]
    public void AutoTakesLbfgsOnlyOnNormalisedRowsWithManyValuesPerColumnInAWellConditionedFit()
    {
        var normalised = Set(TextRows(400, _ => 1));                       // 100 values a column, curvature 400/(4·L2)
        Assert.Equal(OptimizerKind.Lbfgs, Fit(normalised, 1).Report.Optimizer);
        Assert.Equal(OptimizerKind.Lbfgs, Fit(normalised, 0.0105).Report.Optimizer); // ratio 9.5e3
        Assert.Equal(OptimizerKind.Newton, Fit(normalised, 0.0095).Report.Optimizer); // ratio 1.05e4 > 1e4
        Assert.Equal(OptimizerKind.Newton, Fit(Set(TextRows(400, i => 1 + i % 3)), 1).Report.Optimizer); // norms² spread 9
        Assert.Equal(OptimizerKind.Lbfgs, Fit(Set(TextRows(400, i => i % 2 == 0 ? 1 : Math.Sqrt(2))), 1).Report.Optimizer); // spread 2: two FeaturizeText blocks, one empty
        Assert.Equal(OptimizerKind.Newton, Fit(Set(TextRows(150, _ => 1)), 1).Report.Optimizer);          // 37.5 values a column
        Assert.Equal(OptimizerKind.Newton, Fit(Set(TextRows(150, _ => 1, columns: 200, stored: 60)), 1).Report.Optimizer); // 45 a column, fewer rows than columns
        // A zero-weight row of another norm does not count.
        var weights = Enumerable.Range(0, 400).Select(i => i == 7 ? 0.0 : 1).ToArray();
        var rows = TextRows(400, i => i == 7 ? 10 : 1);
        Assert.Equal(OptimizerKind.Lbfgs, Fit(Set(rows, weights), 1).Report.Optimizer);
        Assert.Equal(OptimizerKind.Newton, Fit(Set(rows), 1).Report.Optimizer);
    }

    [Fact]
    public void StreamedOrDenseRowsKeepTheirChoice()
    {
        var options = new TrainerOptions();
        Assert.Equal(OptimizerKind.Newton, OptimizerCatalog.ResolveSoftmax(options, 10, 1000, sparse: true));
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.ResolveSoftmax(options, 10, 1000, sparse: false));
        var text = new SparseRowShape(ValueSpan: 10, RowNormSpread: 1, StoredValuesPerColumn: 100, RowsPerColumn: 2, WeightedSquaredNorm: 1000);
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.ResolveSoftmax(options, 10, 1000, sparse: true, text));
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerCatalog.ResolveSoftmax(options with { L1Regularization = 1 }, 10, 1000, sparse: true, text with { RowNormSpread = 100 }));
    }

    [Fact]
    public void AutosLbfgsHandsOverToNewtonCgHalfwayThroughItsBudget()
    {
        // At L2 = 0.02 (ratio 5e3) L-BFGS needs more than 40 iterations here; under a cap of 40 Auto's L-BFGS runs 20, then Newton-CG.
        var set = Set(TextRows(400, _ => 1));
        var capped = new TrainerOptions { L2Regularization = 0.02, OptimizationTolerance = 1e-8, NumberOfThreads = 1, MaximumNumberOfIterations = 40 };
        var auto = SoftmaxRegressionTrainer.Train(set, capped);
        var lbfgs = SoftmaxRegressionTrainer.Train(set, capped with { Optimizer = OptimizerKind.Lbfgs });
        var newton = Fit(set, 0.02, OptimizerKind.Newton);
        Assert.False(lbfgs.Report.Optimization.Converged);
        Assert.True(auto.Report.Optimization.Converged, auto.Report.Optimization.Message);
        Assert.StartsWith("L-BFGS for 20 iterations without converging, then Newton-CG for", auto.Report.Optimization.Message);
        NumericAssert.Relative(newton.Report.Optimization.Objective, auto.Report.Optimization.Objective, 1e-11, "objective");
    }

    [Fact]
    public void AutosLbfgsReachesNewtonsOptimum()
    {
        var set = Set(TextRows(400, _ => 1));
        var auto = Fit(set, 0.05);
        var newton = Fit(set, 0.05, OptimizerKind.Newton);
        Assert.Equal(OptimizerKind.Lbfgs, auto.Report.Optimizer);
        Assert.True(auto.Report.Optimization.Converged, auto.Report.Optimization.Message);
        NumericAssert.Relative(newton.Report.Optimization.Objective, auto.Report.Optimization.Objective, 1e-11, "objective");
        NumericAssert.Close(newton.Model.Weights, auto.Model.Weights, 1e-4, "W"); // measured 4.4e-6 at this tolerance
    }
}
