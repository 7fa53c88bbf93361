using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A dense path over more columns than <see cref="StandardizedProblem.SingleColumns"/> takes its Newton steps on a
/// curvature summed in single precision; its points are still the optimum's: the same as the sparse form's (whose Gram
/// stays in double) at a tight tolerance, and at the default tolerance no worse than before against a tighter path.
/// </summary>
public sealed class SingleGramPathTests
{
    // 500 rows × 220 correlated Gaussian columns (means 3, one column at 1,000 with spread 0.5), 180 of them in the class.
    private static TrainingSet Data()
    {
        const int n = 500, d = 220;
        var rng = new Random(17);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var beta = Enumerable.Range(0, d).Select(j => j < 180 ? 0.3 * Normal() : 0).ToArray();
        var x = new float[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double common = Normal(), score = 0;
            for (int j = 0; j < d; j++)
            {
                double value = 0.5 * common + Normal();
                x[i * d + j] = (float)(j == 7 ? 1000 + 0.5 * value : 3 + value);
                score += beta[j] * value;
            }
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-score)) ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, x), y);
    }

    [Fact]
    public void TheDensePathIsTheSparseFormsAtATightTolerance()
    {
        var dense = Data();
        var rows = Enumerable.Range(0, dense.RowCount).Select(i =>
        {
            var row = new double[dense.FeatureCount];
            dense.Features.CopyRow(i, row);
            return row;
        }).ToList();
        var sparse = new TrainingSet(SparseMatrix.FromDenseRows(rows, dense.FeatureCount), dense.Labels);
        var options = new ElasticNetPathOptions { Tolerance = 1e-14 };
        var (fromDense, fromSparse) = (ElasticNetPath.Fit(dense, options), ElasticNetPath.Fit(sparse, options));
        Assert.True(fromDense.NonZero.Max() >= StandardizedProblem.SingleColumns, $"only {fromDense.NonZero.Max()} columns entered");
        Assert.Equal(fromSparse.Lambdas.Count, fromDense.Lambdas.Count);
        for (int k = 0; k < fromDense.Lambdas.Count; k++)
        {
            Assert.Equal(fromSparse.DevianceRatio[k], fromDense.DevianceRatio[k], 1e-10);
            var (a, b) = (fromDense.Coefficients[k], fromSparse.Coefficients[k]);
            double largest = b.Select(Math.Abs).Append(1e-12).Max();
            for (int j = 0; j < a.Length; j++)
            {
                Assert.True(Math.Abs(a[j] - b[j]) <= 1e-7 * largest, $"λ {k}, column {j}: {a[j]:R} dense, {b[j]:R} sparse");
            }
        }
    }

    [Fact]
    public void TheDefaultPathIsWithinItsToleranceOfATighterOne()
    {
        var (path, worst) = BinaryPathObjective.GapToTighter(Data(), new ElasticNetPathOptions());
        Assert.True(path.NonZero.Max() >= StandardizedProblem.SingleColumns);
        Assert.InRange(worst, -1e-12, 1e-9);
    }
}
