using LogReg.Core.Diagnostics;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using LogReg.SeedStory;
using Xunit;

namespace LogReg.Tests.Examples;

/// <summary>Each story runs, writes non-empty PNG images, and shows numbers that come from the library.</summary>
public sealed class SeedStoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logreg-story-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void FiveStepsEndsAtTheNewtonAnswer()
    {
        var r = FiveSteps.Run(_dir, TextWriter.Null);
        Assert.Equal(r.NewtonWeight, r.Weight, 1e-6);
        Assert.Equal(r.NewtonBias, r.Bias, 1e-6);
        Assert.True(r.Losses.Zip(r.Losses.Skip(1)).All(p => p.Second <= p.First + 1e-12), "loss must decrease");
        Assert.Equal(20 * Math.Log(2), r.Losses[0], 1e-12); // σ(0) = ½ for all 20 rows
        Assert.Equal(2, r.Images.Count);
        r.Images.ToList().ForEach(AssertPng);
    }

    [Fact]
    public void LossShapesComeFromTheLibraryLosses()
    {
        var r = LossShapes.Run(_dir, TextWriter.Null);
        Assert.Equal(-Math.Log(0.001), r.BceAtConfidentMistake, 1e-9);
        Assert.Equal(0.999 * 0.999, r.MseAtConfidentMistake, 1e-9);
        var bce = ObjectiveFactory.Create(LogReg.Tests.Examples.Tiny.Set(), LossKind.BinaryCrossEntropy);
        Assert.Equal(bce.SmoothValue(new[] { -4.0, -16.0 }), r.BceLandscape[0, 0], 1e-12);
        Assert.Equal(4, r.Images.Count);
        r.Images.ToList().ForEach(AssertPng);
    }

    [Fact]
    public void ConvexityCountsMatchTheDiagnostics()
    {
        var r = Convexity.Run(_dir, TextWriter.Null);
        Assert.Equal(0, r.BceNegative);
        Assert.True(r.MseNegative > 0);
        Assert.All(r.BceMin, v => Assert.True(v >= -1e-12));
        Assert.Contains(r.MseMin, v => v < -1e-3);
        AssertPng(Assert.Single(r.Images));
    }

    [Fact]
    public void LikelihoodUnderflowsWhereDoublesRunOut()
    {
        var r = Likelihood.Run(_dir, TextWriter.Null);
        // The product is 0 once Σ ln p drops below ln(smallest double) ≈ −744.4; the sum stays finite.
        Assert.InRange(r.UnderflowRow, 1000, r.Rows);
        Assert.True(double.IsFinite(r.SumOfLogsAtEnd) && r.SumOfLogsAtEnd < -744);
        AssertPng(Assert.Single(r.Images));
    }

    [Fact]
    public void LinearFitLeavesTheUnitIntervalAndLogisticMatchesTheTrainer()
    {
        var r = LinearVersusLogistic.Run(_dir, TextWriter.Null);
        Assert.True(r.LinearMin < 0 && r.LinearMax > 1);
        var (model, modelFit) = LogisticRegressionTrainer.Train(Tiny.Set(), new TrainerOptions { L2Regularization = 0, Optimizer = OptimizerKind.Newton });
        Assert.Equal(model.Weights[0], r.LogisticWeight, 1e-12);
        AssertPng(Assert.Single(r.Images));
    }

    [Fact]
    public void AllStoriesRunByName()
    {
        var output = new StringWriter();
        var files = Stories.Run("all", _dir, output);
        Assert.Equal(9, files.Count);
        Assert.Contains("=== five-steps ===", output.ToString());
        Assert.Throws<ArgumentException>(() => Stories.Run("nope", _dir, TextWriter.Null));
    }
}

/// <summary>The stories' tiny data set, rebuilt here so the tests do not depend on the example's internals.</summary>
internal static class Tiny
{
    public static LogReg.Core.Data.TrainingSet Set() => new(
        LogReg.Core.Data.DenseMatrix.FromRows(new[] { 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0, 4.25, 4.5, 4.75, 5.0, 5.5 }.Select(h => new[] { h }).ToList()),
        new double[] { 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1 });
}
