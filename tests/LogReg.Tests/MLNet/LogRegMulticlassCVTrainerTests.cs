using LogReg.Core.Paths;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// <c>MulticlassClassification.Trainers.LogRegCV</c> as an ML.NET user meets it: the model is the multinomial path's point
/// at the chosen λ, it goes into CrossValidate and Evaluate, the path and curve survive Save/Load and a plain ML.NET load
/// scores the same; the AUC is refused in one line.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LogRegMulticlassCVTrainerTests
{
    private static MaximumEntropyModelParameters SoftmaxOf(ITransformer model) => Assert.Single(LogRegModelDetails.MulticlassModelsIn(model));

    [Fact]
    public void TheModelIsThePathsPointAtTheChosenLambdaAndSurvivesSaveAndLoad()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var trainer = ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 5, Seed = 3, Tolerance = 1e-16 });
        var fit = trainer.FitWithReport(data);
        var cv = fit.Model.CrossValidation!;
        var reference = MultinomialElasticNetPath.Fit(global::LogReg.Tests.Core.SoftmaxData.IrisSet(), new ElasticNetPathOptions { Tolerance = 1e-16 });
        Assert.Equal(reference.Lambdas, cv.Path.Lambdas);
        Assert.Equal(cv.Path.Coefficients[cv.ChosenIndex].SelectMany(w => w), fit.Model.Model.Weights);
        Assert.Equal(cv.Path.Intercepts[cv.ChosenIndex], fit.Model.Model.Biases);
        Assert.True(fit.Model.Report.Optimization.GradientNorm < 1e-6, $"{fit.Model.Report.Optimization.GradientNorm}");
        var metrics = ml.MulticlassClassification.Evaluate(fit.Scorer.Transform(data));
        Assert.True(metrics.MicroAccuracy > 0.93, $"accuracy {metrics.MicroAccuracy}");

        string path = Path.Combine(Path.GetTempPath(), $"logregcv-softmax-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, fit.Scorer, data.Schema, path);
            var after = SoftmaxOf(LogRegModelFile.Load(new MLContext(2), path, out _)).LogRegDetails()!.CrossValidation!;
            Assert.Equal(cv.Mean, after.Mean);
            Assert.Equal(cv.Path.Lambdas, after.Path.Lambdas);
            Assert.Equal(cv.Path.Coefficients[cv.ChosenIndex].SelectMany(w => w), after.Path.Coefficients[after.ChosenIndex].SelectMany(w => w));
            Assert.Equal((cv.ChosenIndex, cv.Rule, cv.Metric), (after.ChosenIndex, after.Rule, after.Metric));
            var plain = new MLContext(3).Model.Load(path, out _);
            var expected = fit.Scorer.Transform(data).GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
            var actual = plain.Transform(data).GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
            Assert.Equal(expected.SelectMany(s => s), actual.SelectMany(s => s));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ItGoesIntoCrossValidateInAPipeline()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 3, LambdaCount = 30, Standardize = false }));
        var folds = ml.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 3);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.85, $"accuracy {f.Metrics.MicroAccuracy}"));
    }

    [Fact]
    public void TheAucIsRefusedInOneLine()
    {
        var ml = new MLContext(1);
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Metric = CrossValidationMetric.Auc }));
        Assert.DoesNotContain("\n", error.Message);
        Assert.Contains("AUC", error.Message);
    }

    [Fact]
    public void AClassHeldOutWholeByAFoldColumnOrWithOneRowIsRefused()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var byClass = ml.Transforms.CopyColumns("Fold", "Label").Fit(data).Transform(data);
        var error = Assert.Throws<ArgumentException>(() =>
            ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { FoldColumnName = "Fold", LambdaCount = 10 }).Fit(byClass));
        Assert.Contains("holds all 50 rows of class 'setosa', so its training rows have none", error.Message);
        // One row of a fourth class: the fold holding it trains without it whatever the folds.
        var (rows, labels) = Core.SoftmaxData.Iris();
        var lone = ml.Data.LoadFromEnumerable(rows.Select((r, i) => new TestData.IrisRow
        {
            Species = i == 0 ? "lone" : Core.SoftmaxData.Species[labels[i]],
            Features = r.Select(v => (float)v).ToArray(),
        }).ToList());
        lone = ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(lone).Transform(lone);
        error = Assert.Throws<ArgumentException>(() =>
            ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 3, Seed = 1, LambdaCount = 10 }).Fit(lone));
        Assert.Contains("holds the only row of class 'lone', so its training rows have none", error.Message);
    }
}
