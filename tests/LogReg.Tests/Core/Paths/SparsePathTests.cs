using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Sparse ≡ dense: the path on the same rows stored sparse (never centred; glmnet's sparse form) and dense (centred
/// columns; covariance form or row sweeps) reaches the same points — on real data with glmnet's defaults, and on wide
/// synthetic data where the dense solver sweeps rows — and example weights act as repeated rows.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SparsePathTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("breast_cancer_wdbc", 1.0, true)]
    [InlineData("sonar", 0.5, true)]
    [InlineData("pima", 0.0, true)]
    [InlineData("spector", 1.0, false)]
    public void TheSparsePathIsTheDensePath(string name, double alpha, bool standardize)
    {
        var reference = ReferenceData.Get(name);
        var options = new ElasticNetPathOptions { L1Ratio = alpha, Standardize = standardize };
        var dense = ElasticNetPath.Fit(reference.Dense(), options);
        var sparse = ElasticNetPath.Fit(reference.Sparse(), options);
        AssertSamePath(dense, sparse);
    }

    [Fact]
    public void OnWideSparseDataTheSparsePathIsTheDensePath()
    {
        // 120 rows × 1,500 columns, 12% filled: more columns than rows, so the dense side sweeps rows (ridge keeps all in
        // play); filled above a tenth, so dense rows keep the dense form (PathForm).
        var random = new Random(5);
        var rows = Enumerable.Range(0, 120).Select(_ => Enumerable.Range(0, 1500).Select(_ => random.NextDouble() < 0.12 ? Math.Round(random.NextDouble() * 4, 1) : 0).ToArray()).ToList();
        var labels = rows.Select(r => r[0] + r[1] - r[2] + random.NextDouble() * 2 > 1.5 ? 1.0 : 0.0).ToArray();
        foreach (double alpha in new[] { 0.0, 0.5 })
        {
            var options = new ElasticNetPathOptions { L1Ratio = alpha, LambdaCount = 30 };
            var dense = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels), options);
            var sparse = ElasticNetPath.Fit(new TrainingSet(SparseMatrix.FromDenseRows(rows, 1500), labels), options);
            AssertSamePath(dense, sparse);
        }
    }

    [Fact]
    public void WeightsActAsRepeatedRows()
    {
        var reference = ReferenceData.Spector;
        var weights = Enumerable.Range(0, reference.Rows.Count).Select(i => (double)(1 + i % 3)).ToArray();
        var repeated = Enumerable.Range(0, reference.Rows.Count).SelectMany(i => Enumerable.Repeat(i, 1 + i % 3)).ToArray();
        var options = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 40 };
        var weighted = ElasticNetPath.Fit(new TrainingSet(SparseMatrix.FromDenseRows(reference.Rows, 3), reference.Labels, weights), options);
        var copies = ElasticNetPath.Fit(new TrainingSet(SparseMatrix.FromDenseRows(repeated.Select(i => reference.Rows[i]).ToList(), 3),
            repeated.Select(i => reference.Labels[i]).ToArray()), options);
        AssertSamePath(copies, weighted);
    }

    private void AssertSamePath(RegularizationPath expected, RegularizationPath actual)
    {
        Assert.Equal(expected.Lambdas.Count, actual.Lambdas.Count);
        double worst = 0;
        for (int k = 0; k < expected.Lambdas.Count; k++)
        {
            Assert.Equal(expected.Lambdas[k], actual.Lambdas[k], 1e-12 * expected.Lambdas[0]);
            double scale = expected.Coefficients[k].Select(Math.Abs).Append(Math.Abs(expected.Intercepts[k])).Max();
            worst = Math.Max(worst, Math.Abs(expected.Intercepts[k] - actual.Intercepts[k]) / scale);
            for (int j = 0; j < expected.Coefficients[k].Length; j++)
            {
                worst = Math.Max(worst, Math.Abs(expected.Coefficients[k][j] - actual.Coefficients[k][j]) / scale);
            }
            Assert.Equal(expected.DevianceRatio[k], actual.DevianceRatio[k], 1e-8);
        }
        output.WriteLine($"largest difference relative to the largest coefficient: {worst:E2}");
        Assert.True(worst < 1e-6, $"{worst:E2}");
    }
}
