using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>ML.NET's own tools run on this trainer: Evaluate, CrossValidate, PFI, PredictionEngine, Save/Load.</summary>
public class MLNetIntegrationTests
{
    private static (MLContext Ml, IDataView Data, EstimatorChain<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>> Pipeline) Setup(LossKind loss = LossKind.BinaryCrossEntropy)
    {
        var ml = new MLContext(seed: 1);
        var data = TestData.BreastCancer(ml);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { Loss = loss }));
        return (ml, data, pipeline);
    }

    [Fact]
    public void TransformProducesScoreAsMarginAndProbabilityAsSigmoid()
    {
        var (ml, data, pipeline) = Setup();
        var model = pipeline.Fit(data);
        var scored = model.Transform(data);
        var score = TestData.Column(scored, "Score");
        var probability = TestData.Column(scored, "Probability");
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        var normalized = model.Take(1).Single().Transform(data).GetColumn<float[]>("Features").ToArray();
        var core = model.LastTransformer.Model.LogRegDetails()!.Model;
        for (int i = 0; i < score.Length; i++)
        {
            double z = core.Score(normalized[i].Select(v => (double)v).ToArray());
            Assert.Equal(z, score[i], 3e-4 * Math.Max(1, Math.Abs(z)));
            Assert.Equal(1 / (1 + Math.Exp(-score[i])), probability[i], 1e-6);
            Assert.Equal(score[i] > 0, predicted[i]);
        }
        Assert.Equal(scored.Schema.Select(c => (c.Name, c.Type.ToString())), model.GetOutputSchema(data.Schema).Select(c => (c.Name, c.Type.ToString())));
    }

    [Fact]
    public void EstimatorOutputSchemaMatchesTheTransformedSchema()
    {
        var (ml, data, pipeline) = Setup();
        var shape = pipeline.GetOutputSchema(ShapeOf(data.Schema));
        var actual = pipeline.Fit(data).Transform(data).Schema;
        foreach (var name in new[] { "Score", "Probability", "PredictedLabel" })
        {
            Assert.True(shape.Any(c => c.Name == name), name);
            var column = shape.Single(c => c.Name == name);
            Assert.Equal(actual[name].Type, column.ItemType);
            Assert.Equal(actual[name].Annotations.Schema.Select(a => a.Name).OrderBy(n => n), column.Annotations.Select(a => a.Name).OrderBy(n => n));
        }
    }

    [Fact]
    public void EvaluateAndCrossValidateWork()
    {
        var (ml, data, pipeline) = Setup();
        var metrics = ml.BinaryClassification.Evaluate(pipeline.Fit(data).Transform(data));
        Assert.InRange(metrics.AreaUnderRocCurve, 0.99, 1.0);
        var folds = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 3);
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.InRange(f.Metrics.AreaUnderRocCurve, 0.97, 1.0));
        Assert.All(folds, f => Assert.InRange(f.Metrics.LogLoss, 0, 0.5));
    }

    [Fact]
    public void PermutationFeatureImportanceRanksFeatures()
    {
        var (ml, data, pipeline) = Setup();
        var model = pipeline.Fit(data);
        var transformed = model.Take(1).Single().Transform(data);
        var pfi = ml.BinaryClassification.PermutationFeatureImportance(model.LastTransformer, transformed, permutationCount: 1);
        Assert.Equal(ReferenceData.BreastCancer.FeatureCount, pfi.Length);
        // Shuffling some feature must hurt: the largest AUC drop is clearly positive.
        Assert.True(pfi.Min(m => m.AreaUnderRocCurve.Mean) < -0.001, "no feature mattered");
    }

    [Fact]
    public void PredictionEngineMatchesBatchTransform()
    {
        var (ml, data, pipeline) = Setup();
        var model = pipeline.Fit(data);
        var engine = ml.Model.CreatePredictionEngine<TestData.Row, Prediction>(model, inputSchemaDefinition: RowSchema());
        var rows = TestData.Rows(ReferenceData.BreastCancer).Take(20).ToList();
        var batch = TestData.Column(model.Transform(TestData.ToDataView(ml, rows, 30)), "Probability");
        for (int i = 0; i < rows.Count; i++)
        {
            var p = engine.Predict(rows[i]);
            Assert.Equal(batch[i], p.Probability, 1e-6);
            Assert.Equal(p.Score > 0, p.PredictedLabel);
        }
    }

    [Theory]
    [InlineData(LossKind.BinaryCrossEntropy)]
    [InlineData(LossKind.MeanSquaredError)]
    public void SaveThenLoadInANewContextGivesTheSamePredictions(LossKind loss)
    {
        var (ml, data, pipeline) = Setup(loss);
        var model = pipeline.Fit(data);
        string path = Path.Combine(Path.GetTempPath(), $"logreg-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext();
            var loaded = fresh.Model.Load(path, out var inputSchema);
            Assert.Equal(30, ((VectorDataViewType)inputSchema["Features"].Type).Size);
            var before = model.Transform(data);
            var after = loaded.Transform(data);
            foreach (var column in new[] { "Score", "Probability" })
            {
                var x = TestData.Column(before, column);
                var y = TestData.Column(after, column);
                Assert.Equal(x.Length, y.Length);
                Assert.True(x.Zip(y).All(p => Math.Abs(p.First - p.Second) <= 1e-6), column);
            }
            // Loaded with plain ML.NET: the last transformer is ML.NET's own, not a type of this library.
            var last = ((TransformerChain<ITransformer>)loaded).Last();
            Assert.StartsWith("Microsoft.ML", last.GetType().Namespace);
            // ML.NET's evaluator works on the reloaded model too.
            Assert.InRange(fresh.BinaryClassification.Evaluate(after).AreaUnderRocCurve, 0.99, 1.0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TruncatedOrCorruptedModelFileFailsWithAClearError()
    {
        var (ml, data, pipeline) = Setup();
        string path = Path.Combine(Path.GetTempPath(), $"logreg-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(pipeline.Fit(data), data.Schema, path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
            var truncated = Assert.Throws<InvalidDataException>(() => LogRegModelFile.Load(new MLContext(), path, out _));
            Assert.Contains(path, truncated.Message);
            Assert.Contains("truncated, corrupted or edited", truncated.Message);
            File.WriteAllText(path, "this is not a model");
            Assert.Throws<InvalidDataException>(() => LogRegModelFile.Load(new MLContext(), path, out _));
            File.Delete(path);
            var missing = Assert.Throws<FileNotFoundException>(() => LogRegModelFile.Load(new MLContext(), path, out _));
            Assert.Contains(path, missing.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TransformerExposesTheLearnedModelAndTrace()
    {
        var (ml, data, pipeline) = Setup();
        var p = pipeline.Fit(data).LastTransformer.Model.LogRegDetails()!;
        Assert.Equal(30, p.Weights.Count);
        Assert.Equal(OptimizerKind.Newton, p.Report.Optimizer); // Auto on 569 × 30: a small problem
        Assert.Equal(LossKind.BinaryCrossEntropy, p.Model.Loss);
        Assert.True(p.Report.Optimization.Converged);
        Assert.Equal(p.Report.Optimization.Iterations, p.Report.Optimization.Trace.Count);
        Assert.True(p.Report.Optimization.Trace.Zip(p.Report.Optimization.Trace.Skip(1)).All(t => t.Second.Objective <= t.First.Objective), "objective must not increase");
        Assert.Equal(p.Report.Optimization.Objective, p.Report.Optimization.Trace[^1].Objective);
    }

    [Fact]
    public void TrainingStatisticsAreOptInAndReachableFromTheTransformer()
    {
        var ml = new MLContext(seed: 1);
        var data = TestData.Spector(ml);
        Assert.Null(ml.BinaryClassification.Trainers.LogReg(l2Regularization: 0).FitWithReport(data).Model.Statistics);
        var stats = ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { L2Regularization = 0, ShowTrainingStatistics = true, OptimizationTolerance = 1e-10f })
            .FitWithReport(data).Model.Statistics!;
        var sm = ReferenceData.Spector.Json.GetProperty("mle").GetProperty("statsmodels");
        Assert.Equal(sm.GetProperty("bse").GetProperty("gpa").GetDouble(), stats.Coefficients[1].StandardError!.Value, 1e-5);
        Assert.Equal(sm.GetProperty("llf").GetDouble(), stats.LogLikelihood, 1e-6);
        Assert.Contains("x0", stats.Summary()); // this view has no slot names, so features are named x0, x1, …
    }

    [Fact]
    public void LogGoesToMLContextLog()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        ml.BinaryClassification.Trainers.LogReg(maximumNumberOfIterations: 2, optimizer: OptimizerKind.Lbfgs).Fit(TestData.BreastCancer(ml));
        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("Training BinaryCrossEntropy with lbfgs"));
            Assert.Contains(messages, m => m.Contains("not converged", StringComparison.OrdinalIgnoreCase) && m.Contains("raise MaximumNumberOfIterations"));
            Assert.Contains(messages, m => m.Contains("iteration 1: objective"));
        }
    }

    // ML.NET keeps SchemaShape.Create(DataViewSchema) internal; tests reach it as ML.NET's own tests do.
    internal static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public, new[] { typeof(DataViewSchema) })!
            .Invoke(null, new object[] { schema })!;

    public static SchemaDefinition RowSchema()
    {
        var schema = SchemaDefinition.Create(typeof(TestData.Row));
        schema[nameof(TestData.Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 30);
        return schema;
    }

    public sealed class Prediction
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
