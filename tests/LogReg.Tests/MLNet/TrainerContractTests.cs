using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>The trainer goes wherever ML.NET takes a binary trainer: OneVersusAll, PairwiseCoupling, generic code.</summary>
public class TrainerContractTests
{
    private sealed class ClassRow
    {
        public string Class { get; set; } = "";

        [VectorType(4)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    // Three overlapping Gaussian classes in 4-D (so accuracy is well below 1 and differences show).
    private static IDataView ThreeClasses(MLContext ml, int rows, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var centres = new[] { new[] { 0.0, 0, 1, 0 }, new[] { 1.5, 0.5, 0, 0 }, new[] { 0.5, 1.5, 0, 1 } };
        var data = Enumerable.Range(0, rows).Select(i =>
        {
            int k = i % 3;
            return new ClassRow { Class = "c" + k, Features = centres[k].Select(c => (float)(c + Normal())).ToArray() };
        }).ToList();
        return ml.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(ml.Data.LoadFromEnumerable(data)).Transform(ml.Data.LoadFromEnumerable(data));
    }

    private static LogRegTrainer Ours(MLContext ml) => ml.BinaryClassification.Trainers.LogReg(l1Regularization: 0, l2Regularization: 1);

    private static LbfgsLogisticRegressionBinaryTrainer Theirs(MLContext ml) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, OptimizationTolerance = 1e-8f });

    [Fact]
    public void OneVersusAllAndPairwiseCouplingTrainOnItWithAccuracyWithinAPointOfMLNetsLbfgs()
    {
        var ml = new MLContext(1);
        var train = ThreeClasses(ml, 1500, 1);
        var test = ThreeClasses(ml, 1500, 2);
        double Accuracy(IEstimator<ITransformer> trainer) =>
            ml.MulticlassClassification.Evaluate(trainer.Fit(train).Transform(test)).MicroAccuracy;

        double ovaOurs = Accuracy(ml.MulticlassClassification.Trainers.OneVersusAll(Ours(ml)));
        double ovaTheirs = Accuracy(ml.MulticlassClassification.Trainers.OneVersusAll(Theirs(ml)));
        double pairOurs = Accuracy(ml.MulticlassClassification.Trainers.PairwiseCoupling(Ours(ml)));
        double pairTheirs = Accuracy(ml.MulticlassClassification.Trainers.PairwiseCoupling(Theirs(ml)));
        Assert.InRange(ovaOurs, 0.6, 0.95); // a real three-class problem, better than chance (1/3)
        Assert.InRange(ovaOurs - ovaTheirs, -0.01, 0.01);
        Assert.InRange(pairOurs - pairTheirs, -0.01, 0.01);
    }

    [Fact]
    public void ASavedOneVersusAllModelLoadsAndScoresIdenticallyInPlainMLNet()
    {
        var ml = new MLContext(1);
        var train = ThreeClasses(ml, 600, 3);
        var model = ml.MulticlassClassification.Trainers.OneVersusAll(Ours(ml)).Fit(train);
        using var stream = new MemoryStream();
        ml.Model.Save(model, train.Schema, stream);
        stream.Position = 0;
        var loaded = new MLContext(2).Model.Load(stream, out _);
        var before = model.Transform(train).GetColumn<float[]>("Score").ToArray();
        var after = loaded.Transform(train).GetColumn<float[]>("Score").ToArray();
        Assert.Equal(before.Length, after.Length);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    [Fact]
    public void ItHasTheTrainerContractsTypesAndInfo()
    {
        var ml = new MLContext(1);
        ITrainerEstimator<ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>, CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> trainer = Ours(ml);
        Assert.False(trainer.Info.NeedNormalization);
        Assert.False(trainer.Info.WantCaching);
        var fitted = trainer.Fit(TestData.Spector(ml));
        Assert.Equal("Features", fitted.FeatureColumnName);
        var details = fitted.Model.LogRegDetails();
        Assert.NotNull(details);
        Assert.Equal(fitted.Model.SubModel.Bias, (float)details!.Bias);
        Assert.Null(ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(TestData.Spector(ml)).Model.LogRegDetails());
    }

    [Fact]
    public void ABinaryPipelineExportsToOnnxWithTheSameProbabilities()
    {
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        var model = ml.Transforms.NormalizeMeanVariance("Features").Append(Ours(ml)).Fit(data);
        var expected = model.Transform(data).GetColumn<float>("Probability").ToArray();
        string onnx = Path.Combine(Path.GetTempPath(), $"logreg-binary-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var file = File.Create(onnx))
            {
                ml.Model.ConvertToOnnx(model, data, file);
            }
            // The graph's outputs come back as 1-element vectors named as the columns.
            var fromOnnx = ml.Transforms.ApplyOnnxModel(onnx).Fit(data).Transform(data).GetColumn<float[]>("Probability").ToArray();
            Assert.Equal(expected.Length, fromOnnx.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], fromOnnx[i].Single(), 1e-6);
            }
        }
        finally
        {
            File.Delete(onnx);
        }
    }
}
