using LogReg.Core.Data;
using LogReg.Core.Numerics;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The vectorised scan that refuses NaN and ±∞ in a training set finds the first one, wherever it is.</summary>
public class NonFiniteScanTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void IndexOfNonFiniteFindsTheFirstAtEveryPositionAroundTheVectorWidth(float bad)
    {
        for (int length = 0; length <= 40; length++)
        {
            var values = Enumerable.Range(0, length).Select(i => i % 2 == 0 ? float.MaxValue : -float.MaxValue).ToArray();
            Assert.Equal(-1, VectorKernels.IndexOfNonFinite(values));
            for (int at = 0; at < length; at++)
            {
                var copy = (float[])values.Clone();
                copy[at] = bad;
                if (at + 3 < length)
                {
                    copy[at + 3] = float.NaN; // a later one does not hide the first
                }
                Assert.Equal(at, VectorKernels.IndexOfNonFinite(copy));
            }
        }
    }

    [Fact]
    public void DenseAndSparseMatricesNameTheRowAndColumnOfTheFirstNonFiniteValue()
    {
        // Rows 0–2 empty or finite in the sparse form (empty rows share a start), the bad value in row 5, column 6.
        var rows = Enumerable.Range(0, 9).Select(i => new double[7]).ToList();
        rows[3][1] = 2.0;
        rows[4][0] = -1.5;
        rows[5][2] = 3.0;
        rows[5][6] = double.PositiveInfinity;
        rows[7][4] = double.NaN;
        var dense = new DenseMatrix(9, 7, rows.SelectMany(r => r.Select(v => (float)v)).ToArray());
        Assert.Equal((5, 6, float.PositiveInfinity), dense.FirstNonFinite());
        Assert.Equal((5, 6, float.PositiveInfinity), SparseMatrix.FromDenseRows(rows, 7).FirstNonFinite());

        var error = Assert.Throws<ArgumentException>(() => new TrainingSet(SparseMatrix.FromDenseRows(rows, 7), new double[9]));
        Assert.Contains("feature 6 of row 5 is Infinity", error.Message);
        rows[5][6] = 0;
        rows[7][4] = 0;
        Assert.Null(SparseMatrix.FromDenseRows(rows, 7).FirstNonFinite());
        Assert.Null(new DenseMatrix(9, 7, rows.SelectMany(r => r.Select(v => (float)v)).ToArray()).FirstNonFinite());
    }
}
