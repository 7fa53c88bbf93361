using System.Text.Json;
using LogReg.Cli;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>stats --covariance: robust and cluster-robust errors from the command line, against R's sandwich.</summary>
public sealed class CovarianceCliTests : CliRun
{
    [Fact]
    public void ClusterColumnIsNotAFeatureAndGivesRsClusterRobustErrors()
    {
        var lines = File.ReadAllLines(Spector);
        string csv = Path.Combine(Folder, "clustered.csv");
        File.WriteAllLines(csv, lines.Take(1).Select(h => h + ",grp").Concat(lines.Skip(1).Select((l, i) => $"{l},g{i % 8}")));
        string json = Path.Combine(Folder, "s.json");
        var r = Run("stats", "--data", csv, "--label", "Label", "--covariance", "cluster:grp", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("cluster-robust", r.Out);
        var coefficients = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("coefficients").EnumerateArray().ToList();
        Assert.Equal(new[] { "intercept", "gpa", "tuce", "psi" }, coefficients.Select(c => c.GetProperty("name").GetString()));
        var expected = ReferenceData.File("robust").GetProperty("spector").GetProperty("cluster").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        NumericAssert.Close(expected, coefficients.Select(c => c.GetProperty("standard_error").GetDouble()).ToArray(), 2e-6, "cluster");
    }

    [Fact]
    public void HC3FromTheCommandLineAndAnUnknownChoiceIsNamed()
    {
        string json = Path.Combine(Folder, "hc3.json");
        var r = Run("stats", "--data", Spector, "--label", "Label", "--covariance", "hc3", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        var se = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("coefficients")[1].GetProperty("standard_error").GetDouble();
        NumericAssert.Relative(ReferenceData.File("robust").GetProperty("spector").GetProperty("hc3")[1].GetDouble(), se, 2e-6, "gpa HC3");
        var bad = Run("stats", "--data", Spector, "--label", "Label", "--covariance", "hc4");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("expected nonrobust, hc0, hc1, hc3 or cluster:COLUMN", bad.Err);
    }

    [Fact]
    public void DropPrintsTheLikelihoodRatioTestOfTheNestedModel()
    {
        var r = Run("stats", "--data", Spector, "--label", "Label", "--drop", "tuce,psi");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("Likelihood-ratio test, dropping tuce, psi: LR = 6.6385, df = 2, p = 0.03618", r.Out); // R: anova → 6.6385, 0.036179
    }

    [Fact]
    public void FirthGivesFiniteEstimatesOnSeparatedData()
    {
        string csv = Path.Combine(AppContext.BaseDirectory, "Reference", "endometrial.csv");
        string json = Path.Combine(Folder, "firth.json");
        var r = Run("stats", "--data", csv, "--label", "Label", "--method", "firth", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("Firth", r.Out);
        var nv = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("coefficients")[1];
        NumericAssert.Close(ReferenceData.File("firth").GetProperty("endometrial").GetProperty("coefficients")[1].GetDouble(), nv.GetProperty("estimate").GetDouble(), 1e-6, "NV");
        var refused = Run("stats", "--data", csv, "--label", "Label", "--method", "firth", "--l2", "1");
        Assert.Equal(2, refused.Exit);
        var optimizer = Run("stats", "--data", csv, "--label", "Label", "--method", "firth", "--optimizer", "lbfgs");
        Assert.Equal(2, optimizer.Exit);
        Assert.Contains("--optimizer does not apply", optimizer.Err);
    }

    [Fact]
    public void TrainWithFirthNeedsNoL2AndRefusesOneInItsOwnWords()
    {
        // train's default L2 = 1 is not Firth's: --method firth alone fits the Firth estimate (finite on separated data).
        string csv = Path.Combine(AppContext.BaseDirectory, "Reference", "endometrial.csv");
        var r = Run("train", "--data", csv, "--label", "Label", "--method", "firth", "--model", Path.Combine(Folder, "firth.zip"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("converged", r.Out);
        var refused = Run("train", "--data", csv, "--label", "Label", "--method", "firth", "--l2", "0.5", "--model", Path.Combine(Folder, "no.zip"));
        Assert.Equal(2, refused.Exit);
        Assert.Equal("error: train --method firth: Firth's penalty replaces --l2 and --l1; give neither (or 0).", refused.Err.Trim());
    }

    [Fact]
    public void ProfileIntervalsArePrinted()
    {
        string json = Path.Combine(Folder, "profile.json");
        var r = Run("stats", "--data", Spector, "--label", "Label", "--ci", "profile", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("profile likelihood", r.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("profile", doc.GetProperty("interval_method").GetString());
        Assert.Equal("mle", doc.GetProperty("method").GetString());
        var gpa = doc.GetProperty("coefficients")[1];
        var exact = ReferenceData.File("profile").GetProperty("spector");
        NumericAssert.Close(exact.GetProperty("low")[1].GetDouble(), gpa.GetProperty("confidence_low").GetDouble(), 1e-5, "gpa low");
        NumericAssert.Close(exact.GetProperty("high")[1].GetDouble(), gpa.GetProperty("confidence_high").GetDouble(), 1e-5, "gpa high");
    }

    [Fact]
    public void ProfileIntervalsAreRefusedWhenWhetherTheEstimateExistsIsUndecided()
    {
        // The stats of a fit whose separation check could not decide (e.g. above its work bound): no profile is claimed.
        var data = ReferenceData.Spector.Dense();
        var undecided = StatisticsCalculator.Fit(data) with
        {
            MaximumLikelihoodEstimateExists = null,
            Separation = LogReg.Core.Separation.SeparationResult.NotChecked("the problem is too large to prove in bounded time."),
        };
        var e = Assert.Throws<CliException>(() => StatsCommand.ProfileIntervals(data, undecided, null));
        Assert.Contains("whether it exists was not decided: Separation was not checked: the problem is too large", e.Message);
        Assert.Contains("--ci wald", e.Message);
    }

    [Fact]
    public void PredictWithIntervalsGivesRsStandardErrorsAndProbabilityIntervals()
    {
        string model = Path.Combine(Folder, "m.zip");
        string predictions = Path.Combine(Folder, "p.csv");
        var train = Run("train", "--data", Spector, "--label", "Label", "--model", model, "--l2", "0", "--tolerance", "1e-10", "--statistics", "yes");
        Assert.True(train.Exit == 0, train.Err);
        var predict = Run("predict", "--model", model, "--data", Spector, "--out", predictions, "--intervals", "yes");
        Assert.True(predict.Exit == 0, predict.Err);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("Score,Probability,PredictedLabel,Score_StdErr,Probability_Low,Probability_High", lines[0]);
        var reference = ReferenceData.File("prediction");
        for (int row = 0; row < 5; row++)
        {
            var cells = lines[row + 1].Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            NumericAssert.Relative(reference.GetProperty("se")[row].GetDouble(), cells[3], 1e-5, $"row {row} se");
            NumericAssert.Relative(reference.GetProperty("low")[row].GetDouble(), cells[4], 1e-5, $"row {row} low");
            NumericAssert.Relative(reference.GetProperty("high")[row].GetDouble(), cells[5], 1e-5, $"row {row} high");
        }
        var without = Run("train", "--data", Spector, "--label", "Label", "--model", model);
        Assert.True(without.Exit == 0, without.Err);
        var refused = Run("predict", "--model", model, "--data", Spector, "--intervals", "yes");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--statistics yes", refused.Err);
    }
}
