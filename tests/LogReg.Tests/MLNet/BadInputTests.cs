using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>Bad input fails early with a message naming the column or value and what was expected.</summary>
public class BadInputTests
{
    private sealed class FloatLabelRow
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = new float[2];
    }

    private sealed class ScalarFeatureRow
    {
        public bool Label { get; set; }

        public float Features { get; set; }
    }

    private sealed class DoubleFeatureRow
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public double[] Features { get; set; } = new double[2];
    }

    private static TestData.Row R(bool label, params float[] x) => new() { Label = label, Features = x };

    [Fact]
    public void MissingLabelColumnIsNamed()
    {
        var ml = new MLContext(1);
        var data = TestData.ToDataView(ml, new[] { R(true, 1, 2), R(false, 2, 1) }, 2);
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg(labelColumnName: "Target").Fit(data));
        Assert.Contains("'Target'", e.Message);
        Assert.Contains("not found", e.Message);
        Assert.Contains("'Label'", e.Message); // lists what is there
    }

    [Fact]
    public void MissingFeatureColumnIsNamed()
    {
        var ml = new MLContext(1);
        var data = TestData.ToDataView(ml, new[] { R(true, 1, 2), R(false, 2, 1) }, 2);
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg(featureColumnName: "X").Fit(data));
        Assert.Contains("feature column 'X'", e.Message);
    }

    [Fact]
    public void NonBooleanLabelIsRejected()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FloatLabelRow { Label = 2 }, new FloatLabelRow { Label = 0 } });
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(data));
        Assert.Contains("Label column 'Label'", e.Message);
        Assert.Contains("expected Boolean", e.Message);
    }

    [Fact]
    public void WrongFeatureTypesAreRejected()
    {
        var ml = new MLContext(1);
        var scalar = ml.Data.LoadFromEnumerable(new[] { new ScalarFeatureRow { Label = true }, new ScalarFeatureRow() });
        var e1 = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(scalar));
        Assert.Contains("Feature column 'Features'", e1.Message);
        Assert.Contains("known-size vector of Single", e1.Message);
        var doubles = ml.Data.LoadFromEnumerable(new[] { new DoubleFeatureRow { Label = true }, new DoubleFeatureRow() });
        var e2 = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(doubles));
        Assert.Contains("known-size vector of Single", e2.Message);
    }

    [Fact]
    public void EmptyDataIsRejected()
    {
        var ml = new MLContext(1);
        var data = TestData.ToDataView(ml, Array.Empty<TestData.Row>(), 2);
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(data));
        Assert.Contains("no usable rows", e.Message);
    }

    [Fact]
    public void SingleClassIsRejected()
    {
        var ml = new MLContext(1);
        var data = TestData.ToDataView(ml, new[] { R(true, 1, 2), R(true, 2, 1), R(true, 0, 0) }, 2);
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg().Fit(data));
        Assert.Contains("Label column 'Label' holds a single class", e.Message);
        Assert.Contains("true", e.Message);
    }

    [Fact]
    public void FeatureVectorOfAnotherSizeAtPredictionIsRejected()
    {
        var ml = new MLContext(1);
        var train = TestData.ToDataView(ml, new[] { R(true, 1, 2), R(false, 2, 1), R(true, 1, 3), R(false, 3, 0) }, 2);
        var model = ml.BinaryClassification.Trainers.LogReg().FitWithReport(train);
        var other = TestData.ToDataView(ml, new[] { R(true, 1, 2, 3) }, 3);
        var e = Assert.Throws<ArgumentException>(() => model.Transform(other));
        Assert.Contains("Feature column 'Features'", e.Message);
        Assert.Contains("size 3", e.Message);
        Assert.Contains("size 2", e.Message);
        Assert.Throws<ArgumentException>(() => model.GetRowToRowMapper(other.Schema));
    }

    [Fact]
    public void InvalidOptionsAreRejectedWhenTheTrainerIsCreated()
    {
        var ml = new MLContext(1);
        var t = ml.BinaryClassification.Trainers;
        Assert.Contains("L2Regularization", Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(l2Regularization: -1)).Message);
        Assert.Contains("OptimizationTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(optimizationTolerance: 0)).Message);
        Assert.Contains("MaximumNumberOfIterations", Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(maximumNumberOfIterations: 0)).Message);
        Assert.Contains("Newton", Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(optimizer: OptimizerKind.Newton, l1Regularization: 1)).Message);
        Assert.Contains("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(new LogRegOptions { LearningRate = float.NaN })).Message);
    }

    [Fact]
    public void NegativeExampleWeightIsNamed()
    {
        var ml = new MLContext(1);
        var rows = new[] { R(true, 1, 2), R(false, 2, 1) };
        rows[1].Weight = -1;
        var data = TestData.ToDataView(ml, rows, 2);
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogReg(exampleWeightColumnName: "Weight").Fit(data));
        Assert.Contains("Example weight column 'Weight'", e.Message);
        Assert.Contains("-1", e.Message);
    }

    [Fact]
    public void RowsWithNaNAreSkippedAndCounted()
    {
        var ml = new MLContext(1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var rows = TestData.Rows(ReferenceData.Spector).ToList();
        var clean = ml.BinaryClassification.Trainers.LogReg().FitWithReport(TestData.ToDataView(ml, rows, 3)).Model;
        var dirty = rows.Concat(new[] { R(true, float.NaN, 1, 1), R(false, 1, float.NaN, 0) }).ToList();
        var model = ml.BinaryClassification.Trainers.LogReg().FitWithReport(TestData.ToDataView(ml, dirty, 3)).Model;
        Assert.Equal(2, model.SkippedRows);
        Assert.Equal(clean.Weights, model.Weights);
        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("Skipped 2 row(s)"));
        }
    }
}
