using System.Globalization;
using System.Text.Json;
using LogReg.Tests.Core;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>train, predict and stats on a label with more than two values: the softmax model and multinomial statistics.</summary>
[Trait("Category", "Slow")]
public sealed class MulticlassCliTests : CliRun
{
    private static string Iris => Path.Combine(AppContext.BaseDirectory, "Reference", "iris.csv");

    private static string Anes96 => Path.Combine(AppContext.BaseDirectory, "Reference", "anes96.csv");

    [Fact]
    public void TrainFitsTheSoftmaxModelAndPredictWritesClassProbabilitiesAndNames()
    {
        string model = Path.Combine(Folder, "iris.zip");
        string json = Path.Combine(Folder, "iris.json");
        var train = Run("train", "--data", Iris, "--label", "species", "--model", model, "--json", json, "--tolerance", "1e-8");
        Assert.True(train.Exit == 0, train.Err);
        Assert.Contains("3 classes (setosa, versicolor, virginica)", train.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("softmax", doc.GetProperty("model").GetString());
        Assert.True(doc.GetProperty("converged").GetBoolean());
        var optimum = SoftmaxData.Reference.GetProperty("l2").GetProperty("optimum");
        var expected = optimum.GetProperty("coef").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        var weights = doc.GetProperty("weights").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        NumericAssert.Close(expected, weights, 1e-5, "W"); // --l2 1 by default: scikit-learn's C = 1

        string predictions = Path.Combine(Folder, "p.csv");
        var predict = Run("predict", "--model", model, "--data", Iris, "--out", predictions);
        Assert.True(predict.Exit == 0, predict.Err);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("Probability_setosa,Probability_versicolor,Probability_virginica,PredictedLabel", lines[0]);
        Assert.Equal(151, lines.Length);
        var species = File.ReadAllLines(Iris).Skip(1).Select(l => l.Split(',')[4]).ToArray();
        int correct = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            var p = cells.Take(3).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 1e-5);
            Assert.Equal(SoftmaxData.Species[Array.IndexOf(p, p.Max())], cells[3]);
            correct += cells[3] == species[i - 1] ? 1 : 0;
        }
        Assert.InRange(correct, 140, 150);
    }

    [Fact]
    public void StatsGivesTheMultinomialLogitOfStatsmodels()
    {
        string json = Path.Combine(Folder, "mn.json");
        var r = Run("stats", "--data", Anes96, "--label", "PID", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("reference class: 0", r.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var reference = ReferenceData.File("mnlogit");
        NumericAssert.Relative(reference.GetProperty("llf").GetDouble(), doc.GetProperty("log_likelihood").GetDouble(), 1e-8, "llf");
        var se = doc.GetProperty("coefficients")[2][1].GetProperty("standard_error").GetDouble();
        NumericAssert.Relative(reference.GetProperty("bse")[2][1].GetDouble(), se, 1e-5, "se of logpopul, class 3");
    }

    [Fact]
    public void OptionsThatNameTwoClassesAreRefusedForAMulticlassLabel()
    {
        var mse = Run("train", "--data", Iris, "--label", "species", "--model", Path.Combine(Folder, "m.zip"), "--loss", "mse");
        Assert.Equal(2, mse.Exit);
        Assert.Contains("3 classes", mse.Err);
        var weights = Run("stats", "--data", Iris, "--label", "species", "--class-weight", "1:2");
        Assert.Equal(2, weights.Exit);
        Assert.Contains("--class-weight NEG:POS: explicit weights name two classes", weights.Err);
        Assert.Contains("use --class-weight none or balanced", weights.Err);
        var firth = Run("train", "--data", Iris, "--label", "species", "--model", Path.Combine(Folder, "f.zip"), "--method", "firth", "--l2", "0");
        Assert.Equal(2, firth.Exit);
        Assert.Contains("--method firth: Firth's correction is offered for the binary model only; use --method mle.", firth.Err);
        var penalised = Run("stats", "--data", Iris, "--label", "species", "--l2", "1");
        Assert.Equal(2, penalised.Exit);
        Assert.Contains("unpenalised", penalised.Err);
    }

    [Fact]
    public void CompareCrossValidatesTheMulticlassTrainersOnTheSameFolds()
    {
        string json = Path.Combine(Folder, "compare.json");
        var r = Run("compare", "--data", Iris, "--label", "species", "--folds", "3", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("3 classes", r.Out);
        var results = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(e => e.GetProperty("trainer").GetString()!, e => e.GetProperty("micro_accuracy_mean").GetDouble());
        Assert.Equal(5, results.Count);
        Assert.InRange(results["LogReg softmax"], 0.85, 1.0);
        Assert.InRange(results["LogReg softmax"] - results["ML.NET LbfgsMaximumEntropy"], -0.01, 0.01); // the same objective
    }
}
