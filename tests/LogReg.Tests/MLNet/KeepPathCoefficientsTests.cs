using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// <c>KeepPathCoefficients = false</c>: the model, the curve and the path's summaries are those of the default fit, only
/// the chosen point's coefficients are kept (reading another point's says so), and so it is saved and loaded.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KeepPathCoefficientsTests
{
    [Fact]
    public void TheBinaryModelKeepsOnlyTheChosenPointsCoefficients()
    {
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        LogRegCVOptions Options(bool keep) => new() { L1Ratio = 0.5, NumberOfFolds = 5, LambdaCount = 40, Seed = 7, KeepPathCoefficients = keep };
        var all = ml.BinaryClassification.Trainers.LogRegCV(Options(true)).Fit(data);
        var chosen = ml.BinaryClassification.Trainers.LogRegCV(Options(false)).Fit(data);
        var (full, kept) = (all.Model.SubModel.LogRegDetails()!, chosen.Model.SubModel.LogRegDetails()!);
        Assert.Equal(full.Weights, kept.Weights);
        Assert.Equal(full.Bias, kept.Bias);
        var (a, b) = (full.CrossValidation!, kept.CrossValidation!);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Path.NonZero, b.Path.NonZero);
        Assert.Equal(a.Path.Intercepts, b.Path.Intercepts);
        Assert.Equal(a.Path.Coefficients[a.ChosenIndex], b.Path.Coefficients[b.ChosenIndex]);
        int other = b.ChosenIndex == 0 ? 1 : 0;
        Assert.Equal([b.ChosenIndex], Enumerable.Range(0, b.Path.Lambdas.Count).Where(b.Path.Coefficients.IsKept));
        var error = Assert.Throws<InvalidOperationException>(() => b.Path.Coefficients[other]);
        Assert.Contains($"Point {other} of the path has no coefficients", error.Message);
        Assert.Throws<InvalidOperationException>(() => b.Path.Coefficients.NonZeroAt(other));

        var (fullFile, keptFile) = (Saved(ml, all, data), Saved(ml, chosen, data));
        try
        {
            var loaded = Assert.IsAssignableFrom<IPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>>(
                LogRegModelFile.Load(new MLContext(2), keptFile, out _)).Model.SubModel.LogRegDetails()!.CrossValidation!;
            Assert.Equal(b.Path.Coefficients[b.ChosenIndex], loaded.Path.Coefficients[loaded.ChosenIndex]);
            Assert.False(loaded.Path.Coefficients.IsKept(other));
            Assert.Equal(b.Path.Lambdas, loaded.Path.Lambdas);
            Assert.True(new FileInfo(keptFile).Length < new FileInfo(fullFile).Length / 2,
                $"{new FileInfo(keptFile).Length} bytes against {new FileInfo(fullFile).Length}");
        }
        finally
        {
            File.Delete(fullFile);
            File.Delete(keptFile);
        }
    }

    [Fact]
    public void TheMulticlassModelKeepsOnlyTheChosenPointsCoefficientsAndGoesIntoCrossValidate()
    {
        var ml = new MLContext(1);
        var data = ml.Data.Cache(TestData.Iris(ml));
        LogRegCVOptions Options(bool keep) => new() { NumberOfFolds = 5, LambdaCount = 30, Seed = 3, KeepPathCoefficients = keep };
        var all = ml.MulticlassClassification.Trainers.LogRegCV(Options(true)).FitWithReport(data);
        var chosen = ml.MulticlassClassification.Trainers.LogRegCV(Options(false)).FitWithReport(data);
        Assert.Equal(all.Model.Model.Weights, chosen.Model.Model.Weights);
        var (a, b) = (all.Model.CrossValidation!, chosen.Model.CrossValidation!);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Path.Coefficients[a.ChosenIndex].SelectMany(w => w), b.Path.Coefficients[b.ChosenIndex].SelectMany(w => w));
        int other = b.Path.Lambdas.Count - 1 == b.ChosenIndex ? 0 : b.Path.Lambdas.Count - 1;
        Assert.False(b.Path.Coefficients.IsKept(other));
        Assert.Contains($"Point {other} of the path", Assert.Throws<InvalidOperationException>(() => b.Path.Coefficients.NonZeroAt(other, 1)).Message);

        string file = Saved(ml, chosen.Scorer, data);
        try
        {
            var loaded = Assert.Single(LogRegModelDetails.MulticlassModelsIn(LogRegModelFile.Load(new MLContext(2), file, out _)))
                .LogRegDetails()!.CrossValidation!;
            Assert.Equal(b.Path.Coefficients[b.ChosenIndex].SelectMany(w => w), loaded.Path.Coefficients[loaded.ChosenIndex].SelectMany(w => w));
            Assert.False(loaded.Path.Coefficients.IsKept(other));
        }
        finally
        {
            File.Delete(file);
        }
        var folds = ml.MulticlassClassification.CrossValidate(data, ml.MulticlassClassification.Trainers.LogRegCV(Options(false)), numberOfFolds: 3);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.85, $"accuracy {f.Metrics.MicroAccuracy}"));
    }

    private static string Saved(MLContext ml, ITransformer model, IDataView data)
    {
        string path = Path.Combine(Path.GetTempPath(), $"logregcv-kept-{Guid.NewGuid():N}.zip");
        LogRegModelFile.Save(ml, model, data.Schema, path);
        return path;
    }
}
