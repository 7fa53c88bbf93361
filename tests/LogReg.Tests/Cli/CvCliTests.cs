using System.Text.Json;
using LogReg.Core.Paths;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// 'logreg cv': the path's λ and the model at the chosen one as the core computes them, the JSON and the two figures
/// written (PNG and SVG, non-empty), a model 'predict' reads, the same output for the same seed, one-line refusals.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CvCliTests : CliRun
{
    private static string BreastCancer => Path.Combine(AppContext.BaseDirectory, "Reference", "breast_cancer_wdbc.csv");

    [Fact]
    public void CvChoosesAModelWritesItsCurveAndFiguresAndPredictReadsIt()
    {
        string model = Path.Combine(Folder, "m.zip"), json = Path.Combine(Folder, "cv.json"), plots = Path.Combine(Folder, "plots");
        var cv = Run("cv", "--data", BreastCancer, "--label", "Label", "--l1-ratio", "0.5", "--model", model, "--json", json, "--plot", plots, "--seed", "3");
        Assert.True(cv.Exit == 0, cv.Err);
        Assert.Contains("10 folds (seed 3), 100 λ: chose λ = ", cv.Out);
        Assert.Contains("lambda.min = ", cv.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var path = ElasticNetPath.Fit(ReferenceData.BreastCancer.Dense(), new ElasticNetPathOptions { L1Ratio = 0.5 });
        Assert.Equal(path.Lambdas, doc.GetProperty("path_lambda").EnumerateArray().Select(e => e.GetDouble()));
        int chosen = Array.IndexOf(path.Lambdas.ToArray(), doc.GetProperty("lambda").GetDouble());
        Assert.True(chosen > 0, "the chosen λ is one of the path's");
        var coefficients = doc.GetProperty("coefficients");
        for (int j = 0; j < ReferenceData.BreastCancer.FeatureCount; j++)
        {
            Assert.Equal(path.Coefficients[chosen][j], coefficients.GetProperty(ReferenceData.BreastCancer.FeatureNames[j]).GetDouble(), 1e-9);
        }
        Assert.Equal(path.Lambdas.Count, doc.GetProperty("cv_mean").GetArrayLength());
        foreach (var name in new[] { "coefficient-path", "cv-curve" })
        {
            var png = File.ReadAllBytes(Path.Combine(plots, name + ".png"));
            Assert.True(png.Length > 10_000, $"{name}.png has {png.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(plots, name + ".svg")));
        }
        Assert.Contains("lambda.1se", File.ReadAllText(Path.Combine(plots, "cv-curve.svg")));

        string predictions = Path.Combine(Folder, "p.csv");
        var predict = Run("predict", "--model", model, "--data", BreastCancer, "--out", predictions);
        Assert.True(predict.Exit == 0, predict.Err);
        Assert.Equal(570, File.ReadAllLines(predictions).Length);

        string again = Path.Combine(Folder, "again.json");
        Assert.Equal(0, Run("cv", "--data", BreastCancer, "--label", "Label", "--l1-ratio", "0.5", "--model", Path.Combine(Folder, "m2.zip"), "--json", again,
            "--seed", "3", "--threads", "1").Exit);
        Assert.Equal(File.ReadAllText(json), File.ReadAllText(again));
    }

    [Fact]
    public void BadOptionsAndAMulticlassLabelAreRefusedInOneLine()
    {
        var ratio = Run("cv", "--data", Spector, "--label", "Label", "--l1-ratio", "2", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, ratio.Exit);
        Assert.Equal("error: cv: option '--l1-ratio' is '2'; expected a number in [0, 1]. ('logreg cv --help' lists the options.)", ratio.Err.Trim());
        var folds = Run("cv", "--data", Spector, "--label", "Label", "--folds", "2", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, folds.Exit);
        Assert.Single(folds.Err.Trim().Split('\n'));
        var tooMany = Run("cv", "--data", Spector, "--label", "Label", "--folds", "40", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, tooMany.Exit);
        Assert.Equal($"error: cv: --folds 40 is more than the 32 rows used from '{Spector}'.", tooMany.Err.Trim());
        var auc = Run("cv", "--data", Spector, "--label", "Label", "--metric", "auc", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, auc.Exit);
        Assert.Contains("at least 10 held-out rows per fold", auc.Err);
        Assert.Single(auc.Err.Trim().Split('\n'));
        var iris = Run("cv", "--data", Path.Combine(AppContext.BaseDirectory, "Reference", "iris.csv"), "--label", "species", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, iris.Exit);
        Assert.Contains("the label has 3 classes", iris.Err);
        Assert.Single(iris.Err.Trim().Split('\n'));
    }
}
