using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Dense rows mostly zero (a wide CSV) take the sparse form: the same values stored sparse, so the same path bit for bit
/// as rows given sparse — a 500 × 3,000 CSV 1 % filled had taken 8.4 s a path in the dense form against 0.83 s.
/// </summary>
public sealed class PathFormTests
{
    [Fact]
    public void DenseRowsAtMostATenthFilledAreStoredSparseWithTheSameValues()
    {
        var rows = Rows(fill: 0.05, seed: 3);
        var sparse = PathForm.SparseRows(DenseMatrix.FromRows(rows));
        Assert.NotNull(sparse);
        var expected = SparseMatrix.FromDenseRows(rows, rows[0].Length);
        var (a, b) = (new double[rows[0].Length], new double[rows[0].Length]);
        for (int i = 0; i < rows.Count; i++)
        {
            sparse!.CopyRow(i, a);
            expected.CopyRow(i, b);
            Assert.Equal(b, a);
        }
        Assert.Equal(expected.StoredValueCount, sparse!.StoredValueCount);
        Assert.Null(PathForm.SparseRows(DenseMatrix.FromRows(Rows(fill: 0.2, seed: 3))));
        Assert.Null(PathForm.SparseRows(SparseMatrix.FromDenseRows(rows, rows[0].Length)));
    }

    [Fact]
    public void TheirPathsAreThePathsOfTheRowsGivenSparse()
    {
        var rows = Rows(fill: 0.05, seed: 7);
        var labels = rows.Select(r => r[0] - r[1] + r[2] > 0.3 ? 1.0 : 0.0).ToArray();
        var options = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 30 };
        var fromDense = ElasticNetPath.Fit(new TrainingSet(DenseMatrix.FromRows(rows), labels), options);
        var fromSparse = ElasticNetPath.Fit(new TrainingSet(SparseMatrix.FromDenseRows(rows, rows[0].Length), labels), options);
        Assert.Equal(fromSparse.Lambdas, fromDense.Lambdas);
        Assert.Equal(fromSparse.Coefficients.SelectMany(c => c), fromDense.Coefficients.SelectMany(c => c));

        var classes = rows.Select(r => r[0] > 0 ? 0 : r[1] > 0 ? 1 : 2).ToArray();
        var multinomialDense = MultinomialElasticNetPath.Fit(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), classes, 3), options);
        var multinomialSparse = MultinomialElasticNetPath.Fit(new MulticlassTrainingSet(SparseMatrix.FromDenseRows(rows, rows[0].Length), classes, 3), options);
        Assert.Equal(multinomialSparse.Coefficients.SelectMany(p => p.SelectMany(c => c)), multinomialDense.Coefficients.SelectMany(p => p.SelectMany(c => c)));
    }

    // 200 rows × 400 columns, each value non-zero with probability `fill` (0.1 … 3.0 in steps of 0.1).
    private static List<double[]> Rows(double fill, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 400)
            .Select(_ => random.NextDouble() < fill ? Math.Round(0.1 + random.NextDouble() * 2.9, 1) : 0).ToArray()).ToList();
    }
}
