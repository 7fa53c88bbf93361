using System.Text.Json;
using LogReg.Cli;
using LogReg.Compare;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

public class ComparisonTests
{
    [Fact]
    public void MetricsOnAHandCheckedCase()
    {
        var labels = new[] { true, false, true, false };
        var scores = new[] { 0.8, 0.3, -0.2, -0.5 };
        var probabilities = new[] { 0.9, 0.6, 0.4, 0.2 };
        var m = BinaryMetrics.Compute(labels, scores, probabilities);
        // Positive/negative pairs ordered correctly: (0.8, 0.3), (0.8, −0.5), (−0.2, −0.5) of 4.
        Assert.Equal(0.75, m.Auc, 1e-15);
        // Predicted (score > 0): T, T, F, F against T, F, T, F.
        Assert.Equal(0.5, m.Accuracy, 1e-15);
        // tp = 1, fp = 1, fn = 1: F1 = 2/(2 + 1 + 1).
        Assert.Equal(0.5, m.F1, 1e-15);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.4) + Math.Log(0.8)) / 4, m.LogLoss, 1e-15);
        // Ties count one half.
        Assert.Equal(0.5, BinaryMetrics.AreaUnderRoc(labels, new[] { 1.0, 1.0, 1.0, 1.0 }), 1e-15);
        Assert.Equal(1.0, BinaryMetrics.AreaUnderRoc(labels, new[] { 2.0, 1.0, 2.0, 1.0 }), 1e-15);
    }

    [Theory]
    [InlineData(300, 5)]
    [InlineData(1000, 1000)]
    public void TheRankSumAucIsTheShareOfCorrectlyOrderedPairs(int n, int distinct)
    {
        // Against the definition: over every positive/negative pair, 1 when the positive scores higher, ½ on a tie.
        var rng = new Random(n);
        var labels = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.4).ToArray();
        var scores = labels.Select(y => Math.Round(rng.Next(distinct) + (y ? 0.3 * distinct : 0)) / distinct).ToArray();
        double pairs = 0, correct = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    correct += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        Assert.Equal(correct / pairs, BinaryMetrics.AreaUnderRoc(labels, scores), 12);
    }

    [Fact]
    public void FoldsAreStratifiedAndReproducible()
    {
        var labels = ReferenceData.BreastCancer.Labels.Select(y => y == 1).ToArray();
        var a = StratifiedFolds.Assign(labels, 5, 3);
        Assert.Equal(a, StratifiedFolds.Assign(labels, 5, 3));
        Assert.NotEqual(a, StratifiedFolds.Assign(labels, 5, 4));
        var perFold = Enumerable.Range(0, 5).Select(k => labels.Where((_, i) => a[i] == k).Count(l => l)).ToArray();
        Assert.True(perFold.Max() - perFold.Min() <= 1, string.Join(",", perFold));
        var sizes = Enumerable.Range(0, 5).Select(k => a.Count(f => f == k)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        Assert.Throws<ArgumentException>(() => StratifiedFolds.Assign(new[] { true, false, false }, 2, 1));
    }

    [Fact]
    public void EveryTrainerSeesTheSameFolds()
    {
        var ml = new MLContext(1);
        var result = TrainerComparison.Run(TestData.BreastCancer(ml), new ComparisonOptions
        {
            Trainers = new[] { TrainerComparison.LogRegBce, TrainerComparison.MLNetLbfgs },
        });
        Assert.Equal(2, result.Results.Count);
        Assert.All(result.Results, r => Assert.Equal(5, r.Folds.Count));
        // Same folds and the same objective: the two trainers agree fold by fold.
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(result.Results[0].Folds[k].Auc, result.Results[1].Folds[k].Auc, 2e-3);
            Assert.Equal(result.Results[0].Folds[k].Accuracy, result.Results[1].Folds[k].Accuracy, 0.02);
        }
        Assert.Equal(StratifiedFolds.Assign(ReferenceData.BreastCancer.Labels.Select(y => y == 1).ToArray(), 5, 1), result.FoldOfRow);
    }

    [Fact]
    public void WithScikitLearnsFoldsTheBceRowMatchesItsCrossValidation()
    {
        // shared/reference: cv5_l2_C1_standardized (StandardScaler, C = 1, newton-cholesky, the given fold ids).
        var json = ReferenceData.BreastCancer.Json;
        var folds = json.GetProperty("folds").GetProperty("foldid").EnumerateArray().Select(e => e.GetInt32() - 1).ToArray();
        var exact = json.GetProperty("cv5_l2_C1_standardized").GetProperty("exact_solver");
        var ml = new MLContext(1);
        var result = TrainerComparison.Run(TestData.BreastCancer(ml), new ComparisonOptions { FoldOfRow = folds, Trainers = new[] { TrainerComparison.LogRegBce } });
        var bce = result.Results[0];
        // NormalizeMeanVariance(fixZero: false) centres and scales like StandardScaler, so the same
        // folds give the same fold models: mean AUC and log-loss agree to 1e-6.
        Assert.Equal(exact.GetProperty("mean_auc").GetDouble(), bce.Auc.Mean, 1e-6);
        Assert.Equal(exact.GetProperty("mean_log_loss").GetDouble(), bce.LogLoss.Mean, 1e-6);
    }

    [Fact]
    public void CommandPrintsTheTableAndWritesJson()
    {
        string dir = Directory.CreateTempSubdirectory("logreg-compare-").FullName;
        try
        {
            string json = Path.Combine(dir, "c.json");
            var output = new StringWriter();
            var error = new StringWriter();
            string spector = Path.Combine(AppContext.BaseDirectory, "Reference", "spector.csv");
            int exit = CommandLine.Run(new[] { "compare", "--data", spector, "--label", "Label", "--folds", "3", "--seed", "2", "--json", json }, output, error);
            Assert.True(exit == 0, error.ToString());
            foreach (var name in TrainerComparison.TrainerNames)
            {
                Assert.Contains(name, output.ToString());
            }
            var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            Assert.Equal(3, doc.GetProperty("folds").GetInt32());
            Assert.Equal(2, doc.GetProperty("seed").GetInt32());
            var first = doc.GetProperty("results")[0];
            foreach (var key in new[] { "trainer", "auc_mean", "auc_sd", "accuracy_mean", "f1_mean", "log_loss_mean", "fit_seconds_mean" })
            {
                Assert.True(first.TryGetProperty(key, out _), key);
            }
            Assert.Equal(5, doc.GetProperty("results").GetArrayLength());

            var bad = new StringWriter();
            Assert.NotEqual(0, CommandLine.Run(new[] { "compare", "--data", spector, "--label", "Grade" }, new StringWriter(), bad));
            Assert.Contains("no label column 'Grade'", bad.ToString());
            Assert.Equal(2, CommandLine.Run(new[] { "compare", "--folds", "1" }, new StringWriter(), new StringWriter()));
            Assert.Equal(2, CommandLine.Run(new[] { "compare", "--data", spector }, new StringWriter(), new StringWriter()));
            var tooFew = new StringWriter();
            Assert.NotEqual(0, CommandLine.Run(new[] { "compare", "--data", spector, "--label", "Label", "--folds", "20" }, new StringWriter(), tooFew));
            Assert.Contains("at least 20 rows of each class", tooFew.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
