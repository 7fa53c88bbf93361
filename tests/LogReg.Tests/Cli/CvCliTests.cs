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
    public void BadOptionsAreRefusedInOneLine()
    {
        var ratio = Run("cv", "--data", Spector, "--label", "Label", "--l1-ratio", "2", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, ratio.Exit);
        Assert.Equal("error: cv: option '--l1-ratio' is '2'; expected a number in [0, 1]. ('logreg cv --help' lists the options.)", ratio.Err.Trim());
        var folds = Run("cv", "--data", Spector, "--label", "Label", "--folds", "2", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, folds.Exit);
        Assert.Single(folds.Err.Trim().Split('\n'));
        var lambdas = Run("cv", "--data", Spector, "--label", "Label", "--lambda-count", "2147483647", "--seed", "99999999999", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, lambdas.Exit);
        Assert.StartsWith("error: cv: option '--lambda-count' is '2147483647'; expected a whole number ≥ 1 and ≤ 1000000.", lambdas.Err.Trim());
        var seed = Run("cv", "--data", Spector, "--label", "Label", "--seed", "99999999999", "--model", Path.Combine(Folder, "m.zip"));
        Assert.StartsWith("error: cv: option '--seed' is '99999999999'; expected a whole number from -2147483648 to 2147483647.", seed.Err.Trim());
        var tooMany = Run("cv", "--data", Spector, "--label", "Label", "--folds", "40", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, tooMany.Exit);
        Assert.Equal($"error: cv: --folds 40 is more than the 32 rows used from '{Spector}'.", tooMany.Err.Trim());
        var auc = Run("cv", "--data", Spector, "--label", "Label", "--metric", "auc", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, auc.Exit);
        Assert.Contains("at least 10 held-out rows per fold", auc.Err);
        Assert.Single(auc.Err.Trim().Split('\n'));
        // Output paths are checked before the fit (an outside tester's had failed after it, in .NET's words).
        string missing = Path.Combine(Folder, "no-such-dir", "cv.json");
        var json = Run("cv", "--data", Spector, "--label", "Label", "--model", Path.Combine(Folder, "m.zip"), "--json", missing);
        Assert.Equal(2, json.Exit);
        Assert.Equal($"error: cv: --json '{missing}': the directory '{Path.GetDirectoryName(missing)}' does not exist.", json.Err.Trim());
        var plot = Run("cv", "--data", Spector, "--label", "Label", "--model", Path.Combine(Folder, "m3.zip"), "--plot", Spector);
        Assert.Equal(2, plot.Exit);
        Assert.Equal($"error: cv: --plot '{Spector}' is a file; it takes a directory (made if missing).", plot.Err.Trim());
        Assert.False(File.Exists(Path.Combine(Folder, "m3.zip")));
        // Below a file: neither a directory to make (found only after the fit, in .NET's words) nor "does not exist".
        string below = Path.Combine(Spector, "figures");
        var plotBelow = Run("cv", "--data", Spector, "--label", "Label", "--model", Path.Combine(Folder, "m5.zip"), "--plot", below);
        Assert.Equal(2, plotBelow.Exit);
        Assert.Equal($"error: cv: --plot '{below}': '{Spector}' is a file, so the directory cannot be made there.", plotBelow.Err.Trim());
        Assert.False(File.Exists(Path.Combine(Folder, "m5.zip")));
        // The model's or the JSON's path as the figures' folder, and empty paths: refused by their options before the fit.
        string same = Path.Combine(Folder, "out");
        var samePath = Run("cv", "--data", Spector, "--label", "Label", "--model", same, "--plot", same);
        Assert.Equal(2, samePath.Exit);
        Assert.Equal($"error: cv: --model and --plot name the same path '{same}'; writing one would destroy the other.", samePath.Err.Trim());
        Assert.False(Path.Exists(same));
        var empty = Run("cv", "--data", Spector, "--label", "Label", "--model", "");
        Assert.Equal(2, empty.Exit);
        Assert.StartsWith("error: cv: option '--model' is empty; expected a path.", empty.Err.Trim());
        Assert.Single(empty.Err.Trim().Split('\n'));
        string jsonBelow = Path.Combine(Spector, "cv.json");
        var jsonUnderFile = Run("cv", "--data", Spector, "--label", "Label", "--model", Path.Combine(Folder, "m5.zip"), "--json", jsonBelow);
        Assert.Equal($"error: cv: --json '{jsonBelow}': '{Spector}' is a file, not a directory.", jsonUnderFile.Err.Trim());
        // A weight written as R writes a missing value is named as missing, not as "an empty cell".
        string weighted = Path.Combine(Folder, "weighted.csv");
        File.WriteAllLines(weighted, new[] { "x,y,w" }.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 7},{i % 2},{(i == 5 ? "NA" : "1")}")));
        var weight = Run("cv", "--data", weighted, "--label", "y", "--weight", "w", "--model", Path.Combine(Folder, "m4.zip"));
        Assert.Equal(1, weight.Exit);
        Assert.Equal($"error: '{weighted}' line 7, column 'w': the cell is missing (blank, or a missing-value token such as NA); a number is needed here.",
            weight.Err.Trim());
    }

    [Fact]
    public void AMulticlassLabelGetsTheSoftmaxPathItsJsonAndOneFigurePerClass()
    {
        string iris = Path.Combine(AppContext.BaseDirectory, "Reference", "iris.csv");
        string model = Path.Combine(Folder, "m.zip"), json = Path.Combine(Folder, "cv.json"), plots = Path.Combine(Folder, "plots");
        var cv = Run("cv", "--data", iris, "--label", "species", "--folds", "5", "--model", model, "--json", json, "--plot", plots, "--seed", "2");
        Assert.True(cv.Exit == 0, cv.Err);
        Assert.Contains("5 folds (seed 2)", cv.Out);
        // The tool reads the cells as floats: the core's path on the same floats.
        var (rows, labels) = Core.SoftmaxData.Iris();
        var floats = rows.Select(r => r.Select(v => (double)(float)v).ToArray()).ToArray();
        var path = MultinomialElasticNetPath.Fit(Core.SoftmaxData.Set((floats, labels)));
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(path.Lambdas, doc.GetProperty("path_lambda").EnumerateArray().Select(e => e.GetDouble()));
        int chosen = Array.IndexOf(path.Lambdas.ToArray(), doc.GetProperty("lambda").GetDouble());
        Assert.True(chosen > 0, "the chosen λ is one of the path's");
        for (int k = 0; k < 3; k++)
        {
            string species = Core.SoftmaxData.Species[k];
            Assert.Equal(path.Intercepts[chosen][k], doc.GetProperty("intercepts").GetProperty(species).GetDouble(), 1e-9);
            var coefficients = doc.GetProperty("coefficients").GetProperty(species);
            Assert.Equal(path.Coefficients[chosen][k], Enumerable.Range(0, 4).Select(j => coefficients.GetProperty(
                new[] { "sepal_length", "sepal_width", "petal_length", "petal_width" }[j]).GetDouble()), new ToleranceComparer(1e-9));
            Assert.True(new FileInfo(Path.Combine(plots, $"coefficient-path-{k + 1}-{species}.png")).Length > 10_000);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(plots, $"coefficient-path-{k + 1}-{species}.svg")));
        }
        Assert.True(new FileInfo(Path.Combine(plots, "cv-curve.png")).Length > 10_000);

        string predictions = Path.Combine(Folder, "p.csv");
        var predict = Run("predict", "--model", model, "--data", iris, "--out", predictions);
        Assert.True(predict.Exit == 0, predict.Err);
        Assert.Equal(151, File.ReadAllLines(predictions).Length);

        var auc = Run("cv", "--data", iris, "--label", "species", "--metric", "auc", "--model", Path.Combine(Folder, "m2.zip"));
        Assert.Equal(1, auc.Exit);
        Assert.Contains("AUC", auc.Err);
        Assert.Single(auc.Err.Trim().Split('\n'));
    }

    [Fact]
    public void AFoldColumnSetsTheFoldsAndIsNotAFeature()
    {
        var lines = File.ReadAllLines(BreastCancer).Where(l => l.Length > 0).ToArray();
        string data = Path.Combine(Folder, "folds.csv");
        File.WriteAllLines(data, lines.Select((l, i) => l + "," + (i == 0 ? "fold" : $"f{(i - 1) % 10 + 1}")));
        string json = Path.Combine(Folder, "cv.json");
        var cv = Run("cv", "--data", data, "--label", "Label", "--fold-column", "fold", "--model", Path.Combine(Folder, "m.zip"), "--json", json);
        Assert.True(cv.Exit == 0, cv.Err);
        Assert.Contains("10 folds (column 'fold'), ", cv.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.False(doc.GetProperty("coefficients").TryGetProperty("fold", out _));
        // The fold column set the folds: no seed drew them (a drawn one had made two identical runs' files differ).
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("seed").ValueKind);
        // f1 … f10 sort as text (f1, f10, f2, …): the fold numbers differ, the partition is the same — and so is the curve.
        var core = ElasticNetCrossValidation.Fit(ReferenceData.BreastCancer.Dense(), new CrossValidationOptions
        {
            FoldIds = Enumerable.Range(0, lines.Length - 1).Select(i => i % 10).ToArray(),
        });
        var mean = doc.GetProperty("cv_mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(core.Mean.Count, mean.Length);
        for (int k = 0; k < mean.Length; k++)
        {
            Assert.Equal(core.Mean[k], mean[k], 1e-12);
        }

        // glmnet's lambda.min.ratio and thresh reach the path.
        var tight = Run("cv", "--data", data, "--label", "Label", "--fold-column", "fold", "--model", Path.Combine(Folder, "m.zip"), "--json", json,
            "--lambda-min-ratio", "0.01", "--tolerance", "1e-9");
        Assert.True(tight.Exit == 0, tight.Err);
        var loose = ElasticNetCrossValidation.Fit(ReferenceData.BreastCancer.Dense(), new CrossValidationOptions
        {
            FoldIds = Enumerable.Range(0, lines.Length - 1).Select(i => i % 10).ToArray(),
            Path = new ElasticNetPathOptions { LambdaMinRatio = 0.01, Tolerance = 1e-9 },
        });
        doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(loose.Mean, doc.GetProperty("cv_mean").EnumerateArray().Select(e => e.GetDouble()), new ToleranceComparer(1e-12));
        // cv.glmnet's default alignment (each fold's own sequence, interpolated) reaches the folds.
        var interpolated = Run("cv", "--data", data, "--label", "Label", "--fold-column", "fold", "--model", Path.Combine(Folder, "m.zip"), "--json", json,
            "--alignment", "interpolated");
        Assert.True(interpolated.Exit == 0, interpolated.Err);
        var own = ElasticNetCrossValidation.Fit(ReferenceData.BreastCancer.Dense(), new CrossValidationOptions
        {
            FoldIds = Enumerable.Range(0, lines.Length - 1).Select(i => i % 10).ToArray(),
            Alignment = FoldAlignment.Interpolated,
        });
        Assert.NotEqual(core.Mean, own.Mean);
        doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(own.Mean, doc.GetProperty("cv_mean").EnumerateArray().Select(e => e.GetDouble()), new ToleranceComparer(1e-12));
        var invalid = Run("cv", "--data", data, "--label", "Label", "--tolerance", "0", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, invalid.Exit);
        Assert.StartsWith("error: cv: option '--tolerance' is '0'; expected a number in (0, 1).", invalid.Err.Trim());
        Assert.Single(invalid.Err.Trim().Split('\n'));

        File.WriteAllLines(data, lines.Select((l, i) => l + "," + (i == 0 ? "fold" : i == 7 ? " " : "1")));
        var blank = Run("cv", "--data", data, "--label", "Label", "--fold-column", "fold", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, blank.Exit);
        Assert.Equal($"error: cv: '{data}' line 8, column 'fold' is missing (blank, or a missing-value token such as NA); with --fold-column every row needs its fold.", blank.Err.Trim());
        // A fold is named by the value the column writes, not only by its place in the sorted values.
        string named = Path.Combine(Folder, "named.csv");
        string[] others = ["south", "east", "west"];
        File.WriteAllLines(named, new[] { "x,y,fold" }.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 7},{(i < 8 ? "sick" : "well")},{(i < 8 ? "north" : others[i % 3])}")));
        var north = Run("cv", "--data", named, "--label", "y", "--fold-column", "fold", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, north.Exit);
        Assert.StartsWith("error: Cross-validation fold 'north' (2 of 4) holds all 8 rows of class 'sick' (the negative class), ", north.Err.Trim());
        var both = Run("cv", "--data", data, "--label", "Label", "--fold-column", "fold", "--folds", "5", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, both.Exit);
        Assert.Single(both.Err.Trim().Split('\n'));
    }

    [Fact]
    public void AGroupColumnKeepsEachGroupInOneFold()
    {
        // 57 patients of about ten rows each: every patient's rows dealt to one fold, the groups shuffled by the seed.
        var lines = File.ReadAllLines(BreastCancer).Where(l => l.Length > 0).ToArray();
        string data = Path.Combine(Folder, "groups.csv"), json = Path.Combine(Folder, "cv.json");
        var keys = Enumerable.Range(0, lines.Length - 1).Select(i => $"p{i / 10}").ToArray();
        File.WriteAllLines(data, lines.Select((l, i) => l + "," + (i == 0 ? "patient" : keys[i - 1])));
        var cv = Run("cv", "--data", data, "--label", "Label", "--group-column", "patient", "--seed", "4", "--model", Path.Combine(Folder, "m.zip"), "--json", json);
        Assert.True(cv.Exit == 0, cv.Err);
        Assert.Contains("10 folds (groups of column 'patient', seed 4), ", cv.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.False(doc.GetProperty("coefficients").TryGetProperty("patient", out _));
        Assert.Equal(4, doc.GetProperty("seed").GetInt32());
        var folds = FoldAssignment.ByGroup(keys, 10, 4);
        Assert.All(keys.Zip(folds).GroupBy(p => p.First), g => Assert.Single(g.Select(p => p.Second).Distinct()));
        var core = ElasticNetCrossValidation.Fit(ReferenceData.BreastCancer.Dense(), new CrossValidationOptions { FoldIds = folds });
        Assert.Equal(core.Mean, doc.GetProperty("cv_mean").EnumerateArray().Select(e => e.GetDouble()), new ToleranceComparer(1e-12));

        var few = Run("cv", "--data", data, "--label", "Label", "--group-column", "patient", "--folds", "58", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, few.Exit);
        Assert.Equal("error: cv: column 'patient' holds 57 distinct group(s) in the rows used, fewer than the 58 folds: each fold needs a whole group; " +
            "use --folds with at most that many.", few.Err.Trim());
        var both = Run("cv", "--data", data, "--label", "Label", "--group-column", "patient", "--fold-column", "patient", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(2, both.Exit);
        Assert.Equal("error: cv: --fold-column and --group-column are both given; name the folds or the groups, not both.", both.Err.Trim());
        File.WriteAllLines(data, lines.Select((l, i) => l + "," + (i == 0 ? "patient" : i == 5 ? "NA" : keys[i - 1])));
        var blank = Run("cv", "--data", data, "--label", "Label", "--group-column", "patient", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, blank.Exit);
        Assert.Equal($"error: cv: '{data}' line 6, column 'patient' is missing (blank, or a missing-value token such as NA); with --group-column every row needs its group.",
            blank.Err.Trim());
    }

    [Fact]
    public void AFileRsWriteCsvWroteGivesCvGlmnetsCurveInBothAlignments()
    {
        // R's write.csv: quoted header, an unnamed row-names column, integer 0/1 columns, a fold column; 25 rows in 10 folds,
        // so cv.glmnet takes its errors over the rows. glmnet_cv_birthwt25.json is cv.glmnet on the same file.
        string data = Path.Combine(AppContext.BaseDirectory, "Reference", "birthwt25.csv"), json = Path.Combine(Folder, "cv.json");
        var r = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "glmnet_cv_birthwt25.json"))).RootElement;
        foreach (var (alignment, key) in new[] { ("same", "same"), ("interpolated", "interpolated") })
        {
            var cv = Run("cv", "--data", data, "--label", "low", "--fold-column", "fold", "--tolerance", "1e-18", "--alignment", alignment,
                "--model", Path.Combine(Folder, "m.zip"), "--json", json);
            Assert.True(cv.Exit == 0, cv.Err);
            Assert.Contains("25 rows × 5 features, 10 folds (column 'fold')", cv.Out);
            var expected = r.GetProperty(key);
            var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            Assert.True(doc.GetProperty("std_error_over_rows").GetBoolean());
            foreach (var (ours, theirs) in new[] { ("path_lambda", "lambda"), ("cv_mean", "cvm"), ("cv_std_error", "cvsd") })
            {
                var want = expected.GetProperty(theirs).EnumerateArray().Select(e => e.GetDouble()).ToArray();
                var got = doc.GetProperty(ours).EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.Equal(want.Length, got.Length);
                for (int k = 0; k < want.Length; k++)
                {
                    Assert.True(Math.Abs(got[k] - want[k]) <= 1e-7 * Math.Abs(want[k]), $"{alignment} {ours}[{k}]: {got[k]:R} against R's {want[k]:R}");
                }
            }

            Assert.Equal(expected.GetProperty("lambda_min").GetDouble(), doc.GetProperty("lambda_min").GetDouble(), 1e-12);
            Assert.Equal(expected.GetProperty("lambda_1se").GetDouble(), doc.GetProperty("lambda_1se").GetDouble(), 1e-12);
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
