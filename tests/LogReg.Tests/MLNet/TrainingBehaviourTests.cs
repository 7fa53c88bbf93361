using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

public class TrainingBehaviourTests
{
    [Theory]
    [InlineData(OptimizerKind.Lbfgs, false)]
    [InlineData(OptimizerKind.Newton, false)]
    [InlineData(OptimizerKind.MiniBatchSgd, false)]
    [InlineData(OptimizerKind.Lbfgs, true)]
    public void SameSeedGivesBitIdenticalWeightsAtOneAndTwoThreads(OptimizerKind optimizer, bool sparse)
    {
        // 6000 rows → 3 chunks, so two threads really split the work.
        var rows = SyntheticRows(6000, 12, seed: 3, sparse);
        double[] Fit(int threads)
        {
            var ml = new MLContext(seed: 5);
            var data = sparse ? SparseView(ml, rows, 12) : TestData.ToDataView(ml, rows, 12);
            var options = new LogRegOptions { Optimizer = optimizer, NumberOfThreads = threads, MaximumNumberOfIterations = optimizer == OptimizerKind.MiniBatchSgd ? 5 : null };
            var m = ml.BinaryClassification.Trainers.LogReg(options).FitWithReport(data).Model;
            return m.Weights.Append(m.Bias).ToArray();
        }
        var one = Fit(1);
        var two = Fit(2);
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), two.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void SparseAndDenseViewsGiveTheSameModel()
    {
        var rows = SyntheticRows(500, 8, seed: 11, sparse: true);
        var ml = new MLContext(seed: 1);
        var dense = ml.BinaryClassification.Trainers.LogReg().FitWithReport(TestData.ToDataView(ml, rows, 8)).Model;
        var sparse = ml.BinaryClassification.Trainers.LogReg().FitWithReport(SparseView(ml, rows, 8)).Model;
        Assert.Equal(dense.Report.Optimization.Objective, sparse.Report.Optimization.Objective, 1e-9 * Math.Abs(dense.Report.Optimization.Objective));
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(dense.Weights[j], sparse.Weights[j], 1e-6);
        }
    }

    [Fact]
    public void SparseFeatureVectorsStaySparseInTraining()
    {
        var ml = new MLContext(seed: 1);
        var rows = SyntheticRows(300, 400, seed: 2, sparse: true);
        var read = TrainingSetReader.Read(SparseView(ml, rows, 400), "Label", "Features", null);
        Assert.True(read.Data.Features.IsSparse);
        long nonZeros = rows.Sum(r => r.Features.Count(v => v != 0));
        Assert.Equal(nonZeros, read.Data.Features.StoredValueCount);
        Assert.True(read.Data.Features.StoredValueCount < 300L * 400 / 3, "densified");
    }

    [Fact]
    public void ExampleWeightsActLikeRepeatedRows()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestData.Rows(ReferenceData.Spector).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Weight = 1 + i % 3;
        }
        var repeated = rows.SelectMany(r => Enumerable.Repeat(new TestData.Row { Label = r.Label, Features = r.Features }, (int)r.Weight)).ToList();
        var weighted = ml.BinaryClassification.Trainers.LogReg(exampleWeightColumnName: "Weight").FitWithReport(TestData.ToDataView(ml, rows, 3)).Model;
        var copies = ml.BinaryClassification.Trainers.LogReg().FitWithReport(TestData.ToDataView(ml, repeated, 3)).Model;
        Assert.Equal(copies.Report.Optimization.Objective, weighted.Report.Optimization.Objective, 1e-9 * copies.Report.Optimization.Objective);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(copies.Weights[j], weighted.Weights[j], 1e-6);
        }
    }

    [Fact]
    public void ProgressReportsEveryIterationAndCancellationStopsTraining()
    {
        var ml = new MLContext(seed: 1);
        var data = TestData.BreastCancer(ml);
        var records = new List<IterationRecord>();
        var model = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions
        {
            Optimizer = OptimizerKind.Lbfgs,
            Progress = new SyncProgress(records.Add),
        }).FitWithReport(data).Model;
        Assert.Equal(model.Report.Optimization.Iterations, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count), records.Select(r => r.Iteration));

        using var cts = new CancellationTokenSource();
        int seen = 0;
        var trainer = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions
        {
            Optimizer = OptimizerKind.GradientDescent,
            CancellationToken = cts.Token,
            Progress = new SyncProgress(_ => { if (++seen == 3) { cts.Cancel(); } }),
        });
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(data));
        Assert.Equal(3, seen);
    }

    [Fact]
    public void DefaultsFollowTheDocumentedValues()
    {
        var o = new LogRegOptions();
        Assert.Equal(LossKind.BinaryCrossEntropy, o.Loss);
        Assert.Equal(OptimizerKind.Auto, o.Optimizer);
        Assert.Equal(1f, o.L2Regularization);
        Assert.Equal(0f, o.L1Regularization);
        Assert.Equal(1e-7f, o.OptimizationTolerance);
        Assert.Equal("Label", o.LabelColumnName);
        Assert.Equal("Features", o.FeatureColumnName);
        // Auto's rule itself is tested in OptimizerLoopTests.EveryOptimizerHasOneNameInOneTable.
    }

    internal static List<TestData.Row> SyntheticRows(int n, int d, int seed, bool sparse)
    {
        var rng = new Random(seed);
        var w = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var rows = new List<TestData.Row>(n);
        for (int i = 0; i < n; i++)
        {
            var x = new float[d];
            for (int j = 0; j < d; j++)
            {
                x[j] = sparse && rng.NextDouble() < 0.8 ? 0f : (float)(rng.NextDouble() * 4 - 2);
            }
            double z = x.Select((v, j) => v * w[j]).Sum() + 0.3;
            rows.Add(new TestData.Row { Features = x, Label = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) });
        }
        return rows;
    }

    /// <summary>The same rows with the feature vector stored sparsely in ML.NET.</summary>
    internal static IDataView SparseView(MLContext ml, IReadOnlyList<TestData.Row> rows, int d)
    {
        var sparse = rows.Select(r =>
        {
            var idx = Enumerable.Range(0, d).Where(j => r.Features[j] != 0).ToArray();
            return new SparseRow { Label = r.Label, Weight = r.Weight, Features = new VBuffer<float>(d, idx.Length, idx.Select(j => r.Features[j]).ToArray(), idx) };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(SparseRow));
        schema[nameof(SparseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return ml.Data.LoadFromEnumerable(sparse, schema);
    }

    public sealed class SparseRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; } = 1f;
    }

    private sealed class SyncProgress : IProgress<IterationRecord>
    {
        private readonly Action<IterationRecord> _action;

        public SyncProgress(Action<IterationRecord> action) => _action = action;

        public void Report(IterationRecord value) => _action(value);
    }
}
