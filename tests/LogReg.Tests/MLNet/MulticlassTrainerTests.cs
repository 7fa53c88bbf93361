using LogReg.Core.Training;
using LogReg.MLNet;
using LogReg.Tests.Core;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>mlContext.MulticlassClassification.Trainers.LogReg: ML.NET's tools, ML.NET's model types, the core's optimum.</summary>
public class MulticlassTrainerTests
{
    private static LogRegMulticlassTrainer Ours(MLContext ml, float tolerance = 1e-8f) =>
        ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { OptimizationTolerance = tolerance, NumberOfThreads = 1 });

    [Fact]
    public void TheFittedModelIsTheCoresOptimumInMLNetsOwnTypesWithTheKeyNames()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var transformer = Ours(ml).Fit(data);
        var details = transformer.Model.LogRegDetails()!;
        Assert.True(details.Report.Optimization.Converged);
        Assert.Equal(SoftmaxData.Species, details.Model.ClassNames);
        var optimum = SoftmaxData.Reference.GetProperty("l2").GetProperty("optimum");
        var coef = optimum.GetProperty("coef").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        NumericAssert.Close(coef, details.Model.Weights, 1e-5, "W");

        VBuffer<float>[] weights = [];
        transformer.Model.GetWeights(ref weights, out int classes);
        Assert.Equal(3, classes);
        NumericAssert.Close(details.Model.Weights.Select(w => (double)(float)w).ToArray(), weights.SelectMany(w => w.DenseValues().Select(v => (double)v)).ToArray(), 0, "float weights");

        // Score is the softmax of the double model (to float precision) and PredictedLabel its arg-max, as a key of Label's type.
        var scored = transformer.Transform(data);
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var features = data.GetColumn<float[]>("Features").ToArray();
        for (int i = 0; i < scores.Length; i++)
        {
            var expected = details.Model.Probabilities(features[i].Select(v => (double)v).ToArray());
            NumericAssert.Close(expected, scores[i].Select(v => (double)v).ToArray(), 1e-5, $"row {i}");
        }
        Assert.Equal(data.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
    }

    [Fact]
    public void EvaluateCrossValidatePfiAndPredictionEngineWorkAndAccuracyMatchesLbfgsMaximumEntropy()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features").Append(Ours(ml));
        var ours = ml.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 5, seed: 1);
        var theirs = ml.MulticlassClassification.CrossValidate(data,
            ml.Transforms.NormalizeMeanVariance("Features").Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1, OptimizationTolerance = 1e-8f })),
            numberOfFolds: 5, seed: 1);
        double accuracy = ours.Average(f => f.Metrics.MicroAccuracy);
        Assert.InRange(accuracy, 0.9, 1.0);
        Assert.InRange(accuracy - theirs.Average(f => f.Metrics.MicroAccuracy), -0.01, 0.01);
        Assert.InRange(ours.Average(f => f.Metrics.LogLoss), 0, theirs.Average(f => f.Metrics.LogLoss) + 0.01);

        var model = pipeline.Fit(data);
        var importance = ml.MulticlassClassification.PermutationFeatureImportance(model.LastTransformer, model.Transform(data), permutationCount: 1);
        Assert.Equal(4, importance.Length);
        var engine = ml.Model.CreatePredictionEngine<TestData.IrisRow, Prediction>(ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(data).Append(model));
        var prediction = engine.Predict(new TestData.IrisRow { Species = "virginica", Features = new[] { 6.5f, 3.0f, 5.8f, 2.2f } });
        Assert.Equal(3, prediction.Score.Length);
        Assert.Equal(3u, prediction.PredictedLabel);
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();

        public uint PredictedLabel { get; set; }
    }

    [Fact]
    public void ASavedModelLoadsInPlainMLNetAndExportsToOnnxWithTheSameScores()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var model = ml.Transforms.NormalizeMeanVariance("Features").Append(Ours(ml)).Fit(data);
        var expected = model.Transform(data).GetColumn<float[]>("Score").ToArray();

        using var saved = new MemoryStream();
        ml.Model.Save(model, data.Schema, saved);
        saved.Position = 0;
        var loaded = new MLContext(2).Model.Load(saved, out _);
        Assert.Equal(expected, loaded.Transform(data).GetColumn<float[]>("Score").ToArray());

        string onnx = Path.Combine(Path.GetTempPath(), $"logreg-softmax-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var file = File.Create(onnx))
            {
                ml.Model.ConvertToOnnx(model, data, file);
            }
            var onnxModel = ml.Transforms.ApplyOnnxModel(onnx).Fit(data);
            var fromOnnx = onnxModel.Transform(data).GetColumn<float[]>("Score").ToArray(); // the graph's "Score.output", 1 × K per row
            for (int i = 0; i < expected.Length; i++)
            {
                NumericAssert.Close(expected[i].Select(v => (double)v).ToArray(), fromOnnx[i].Select(v => (double)v).ToArray(), 1e-5, $"row {i}");
            }
        }
        finally
        {
            File.Delete(onnx);
        }
    }

    [Fact]
    public void WarmStartFromLbfgsMaximumEntropyReachesTheSameOptimumInFewerPasses()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var theirs = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1, OptimizationTolerance = 1e-7f }).Fit(data);
        var cold = Ours(ml).Fit(data).Model.LogRegDetails()!;
        var warm = Ours(ml).Fit(data, theirs.Model).Model.LogRegDetails()!;
        NumericAssert.Relative(cold.Report.Optimization.Objective, warm.Report.Optimization.Objective, 1e-9, "objective");
        Assert.True(warm.Report.Optimization.Evaluations.Total < cold.Report.Optimization.Evaluations.Total,
            $"warm {warm.Report.Optimization.Evaluations.Total} passes, cold {cold.Report.Optimization.Evaluations.Total}");
        var again = Ours(ml).Fit(data, cold.Model).Model.LogRegDetails()!;
        Assert.InRange(again.Report.Optimization.Iterations, 0, 2);
    }

    [Fact]
    public void ABooleanLabelIsRefusedWithTheColumnAndTheFix()
    {
        var ml = new MLContext(1);
        var e = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.LogReg().Fit(TestData.Spector(ml)));
        Assert.Contains("Label column 'Label'", e.Message);
        Assert.Contains("MapValueToKey", e.Message);
    }

    [Fact]
    public void AMulticlassSetGoesToAViewAndBackUnchanged()
    {
        var ml = new MLContext(1);
        var set = SoftmaxData.IrisSet(weights: Enumerable.Range(0, 150).Select(i => 1.0 + i % 3).ToArray());
        var view = set.ToDataView(ml);
        Assert.Equal(SoftmaxData.Species, KeyValues(view));
        var (back, skipped) = TrainingSetReader.ReadMulticlass(view, "Label", "Features", "Weight");
        Assert.Equal(0, skipped);
        Assert.Equal(set.Labels, back.Labels);
        Assert.Equal(set.ExampleWeights, back.ExampleWeights);
        Assert.Equal(SoftmaxData.Species, back.ClassNames);
    }

    private static string[] KeyValues(IDataView view)
    {
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        view.Schema["Label"].GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }
}
