using LogReg.Core.Data;
using LogReg.Distributed;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>The files of one shard, one after the other: rows, labels and weights in order, sparse parts kept sparse.</summary>
public class TrainingSetConcatTests
{
    [Fact]
    public void PartsAreStackedInOrderAndSparseStaysSparse()
    {
        var a = new[] { new[] { 0.0, 2.0, 0.0 }, new[] { 1.5, 0.0, 0.0 } };
        var b = new[] { new[] { 0.0, 0.0, -3.0 } };
        var sparse = new TrainingSet(SparseMatrix.FromDenseRows(a, 3), new[] { 1.0, 0.0 }, new[] { 2.0, 1.0 });
        var dense = new TrainingSet(DenseMatrix.FromRows(b), new[] { 1.0 });
        var both = TrainingSetConcat.Rows(new[] { sparse, dense });
        Assert.True(both.Features.IsSparse);
        Assert.Equal(3, both.Features.StoredValueCount);
        Assert.Equal(new[] { 1.0, 0.0, 1.0 }, both.Labels);
        Assert.Equal(new[] { 2.0, 1.0, 1.0 }, both.ExampleWeights);
        var row = new double[3];
        foreach (var (expected, i) in a.Concat(b).Select((r, i) => (r, i)))
        {
            both.Features.CopyRow(i, row);
            Assert.Equal(expected, row);
        }
        var dd = TrainingSetConcat.Rows(new[] { dense, dense });
        Assert.False(dd.Features.IsSparse);
        Assert.Equal(2, dd.RowCount);
    }
}
