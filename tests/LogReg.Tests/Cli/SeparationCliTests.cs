using System.Text.Json;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>What the tool says on separated data: no false "converged", the separating columns named, Firth offered.</summary>
public sealed class SeparationCliTests : CliRun
{
    private static string Endometrial => Path.Combine(AppContext.BaseDirectory, "Reference", "endometrial.csv");

    [Fact]
    public void TrainWithoutAPenaltyOnSeparatedDataSaysThereIsNoMinimumAndNamesTheColumn()
    {
        string model = Path.Combine(Folder, "m.zip"), json = Path.Combine(Folder, "m.json");
        var r = Run("train", "--data", Endometrial, "--label", "Label", "--l2", "0", "--model", model, "--json", json);
        Assert.Equal(0, r.Exit);
        Assert.Contains("NOT converged (the data are separated", r.Out);
        Assert.DoesNotContain(", converged;", r.Out);
        Assert.Contains("warning: The data are quasi-completely separated by 'NV'", r.Out);
        Assert.Contains("use --method firth", r.Out);
        var summary = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.False(summary.GetProperty("converged").GetBoolean());
        Assert.Equal("NoFiniteMinimum", summary.GetProperty("termination").GetString());
        // The remedy it names works: Firth's estimate exists and converges.
        var firth = Run("train", "--data", Endometrial, "--label", "Label", "--l2", "0", "--method", "firth", "--model", model);
        Assert.Equal(0, firth.Exit);
        Assert.Contains(", converged;", firth.Out);
        Assert.DoesNotContain("warning:", firth.Out);
    }

    [Fact]
    public void AMulticlassLabelWithoutAPenaltyNamesTheSeparatedClassAndTheColumnAsWritten()
    {
        // Setosa's rows alone have the missing widths: the missing-value indicator separates it. The warning had printed
        // the pipeline's slot name ('#numbers0#indicators.Sepal.Width') and, before the softmax check, "converged".
        var random = new Random(5);
        var lines = new List<string> { "Sepal.Width,Species" };
        for (int i = 0; i < 90; i++)
        {
            string species = new[] { "setosa", "versicolor", "virginica" }[i % 3];
            lines.Add(species == "setosa" && i % 2 == 0 ? $"NA,{species}" : $"{(2 + random.NextDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)},{species}");
        }
        string data = Path.Combine(Folder, "widths.csv");
        File.WriteAllLines(data, lines);
        var r = Run("train", "--data", data, "--label", "Species", "--l2", "0", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(0, r.Exit);
        Assert.Contains("NOT converged (the data are separated", r.Out);
        Assert.Contains("warning: Class 'setosa' is separated from the other classes", r.Out);
        Assert.Contains("'Sepal.Width[missing]'", r.Out);
        Assert.DoesNotContain("#", r.Out.Split('\n').Single(l => l.StartsWith("warning: Class", StringComparison.Ordinal)));
        Assert.DoesNotContain("--method firth", r.Out);
    }

    [Fact]
    public void TrainWithTheDefaultPenaltyHasNothingToWarnAbout()
    {
        var r = Run("train", "--data", Endometrial, "--label", "Label", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(0, r.Exit);
        Assert.Contains(", converged;", r.Out);
        Assert.DoesNotContain("warning:", r.Out);
    }

    [Fact]
    public void StatsJsonCarriesTheProvedVerdictAndTheFirthRemedy()
    {
        string json = Path.Combine(Folder, "s.json");
        var r = Run("stats", "--data", Endometrial, "--label", "Label", "--json", json);
        Assert.Equal(0, r.Exit);
        Assert.Contains("--method firth", r.Out);
        var stats = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.False(stats.GetProperty("maximum_likelihood_estimate_exists").GetBoolean());
        var separation = stats.GetProperty("separation");
        Assert.True(separation.GetProperty("checked").GetBoolean());
        Assert.False(separation.GetProperty("complete").GetBoolean());
        Assert.Equal(13, separation.GetProperty("separated_rows").GetInt32());
        Assert.Equal(66, separation.GetProperty("boundary_rows").GetInt32());
        Assert.Equal(new[] { "NV" }, separation.GetProperty("direction").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ProfileIntervalsOnSeparatedDataNameTheCauseAndFirth()
    {
        var r = Run("stats", "--data", Endometrial, "--label", "Label", "--ci", "profile");
        Assert.Equal(1, r.Exit);
        Assert.Contains("the maximum-likelihood estimate does not exist", r.Err);
        Assert.Contains("separated by 'NV'", r.Err);
        Assert.Contains("--method firth", r.Err);
        Assert.DoesNotContain("--l1", r.Err);
        // An option that makes the fit something else is named, alone.
        var penalised = Run("stats", "--data", Spector, "--label", "Label", "--ci", "profile", "--l2", "0.5");
        Assert.Equal(2, penalised.Exit);
        Assert.Contains("--l2 0.5 penalises the likelihood", penalised.Err);
        Assert.DoesNotContain("--method firth", penalised.Err);
    }
}
