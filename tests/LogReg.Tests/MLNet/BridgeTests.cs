using LogReg.Core.Data;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>The one TrainingSet ↔ IDataView bridge goes both ways without loss.</summary>
public class BridgeTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void ATrainingSetSurvivesTheRoundTrip(bool sparse, bool weights)
    {
        var reference = ReferenceData.Spector;
        var set = new TrainingSet(
            sparse ? SparseMatrix.FromDenseRows(reference.Rows, reference.FeatureCount) : DenseMatrix.FromRows(reference.Rows),
            reference.Labels,
            weights ? reference.Labels.Select((_, i) => 0.5 + i % 3).ToArray() : null,
            reference.FeatureNames);
        var ml = new MLContext(1);
        var view = set.ToDataView(ml, weightColumnName: "W");
        Assert.Equal(weights, view.Schema.GetColumnOrNull("W") is not null);
        var back = TrainingSetReader.Read(view, "Label", "Features", weights ? "W" : null);
        Assert.Equal(0, back.SkippedRows);
        Assert.Equal(sparse, back.Data.Features.IsSparse);
        Assert.Equal(set.Labels, back.Data.Labels);
        Assert.Equal(set.ExampleWeights, back.Data.ExampleWeights);
        Assert.Equal(set.FeatureNames, back.Data.FeatureNames);
        var a = new double[set.FeatureCount];
        var b = new double[set.FeatureCount];
        for (int i = 0; i < set.RowCount; i++)
        {
            set.Features.CopyRow(i, a);
            back.Data.Features.CopyRow(i, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void FeaturesAloneBecomeAScoringViewWithSlotNames()
    {
        var set = ReferenceData.Spector.Dense();
        var ml = new MLContext(1);
        var view = set.Features.ToDataView(ml, set.FeatureNames);
        var column = view.Schema["Features"];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), column.Type);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        Assert.Equal(new[] { "gpa", "tuce", "psi" }, names.DenseValues().Select(n => n.ToString()));
        Assert.Equal(set.RowCount, view.GetColumn<VBuffer<float>>("Features").Count());
    }
}
