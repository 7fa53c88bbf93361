using LogReg.Cli;
using Microsoft.ML;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>The command line refuses what it cannot honour, with one line naming the row and column.</summary>
public sealed class TrustCliTests : CliRun
{
    private string SpectorWith(string cell)
    {
        var lines = File.ReadAllLines(Spector);
        var cells = lines[6].Split(',');
        cells[1] = cell; // row 6 of the file, column 'tuce'
        lines[6] = string.Join(',', cells);
        string path = Path.Combine(Folder, "bad.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void StatsWithL1FitsByOwlQnUnlessNewtonIsAskedForWhichIsRefusedInOneLine()
    {
        var fit = Run("stats", "--data", Spector, "--label", "Label", "--l1", "0.5");
        Assert.True(fit.Exit == 0, fit.Err);
        Assert.Matches(@"converged:\s+True", fit.Out);
        Assert.Contains("at the L1-penalised estimate on its selected coefficients", fit.Out);
        var refused = Run("stats", "--data", Spector, "--label", "Label", "--l1", "0.5", "--optimizer", "newton");
        Assert.Equal(1, refused.Exit);
        Assert.Equal("error: L1Regularization is 0.5; expected 0 with the Newton optimizer, which needs a smooth objective (Lbfgs runs OWL-QN for L1).", refused.Err.Trim());
    }

    [Theory]
    [InlineData("inf", "not a finite number")]
    [InlineData("-Infinity", "not a finite number")]
    [InlineData("1e39", "beyond the range of a float")]
    [InlineData("3.5e38", "beyond the range of a float")]
    public void NonFiniteOrOverflowingCellsAreRefusedByEveryCommand(string cell, string reason)
    {
        string csv = SpectorWith(cell);
        string model = Path.Combine(Folder, "m.zip");
        Assert.Equal(0, Run("train", "--data", Spector, "--label", "Label", "--model", model).Exit);
        var runs = new[]
        {
            Run("train", "--data", csv, "--label", "Label", "--model", Path.Combine(Folder, "m2.zip")),
            Run("stats", "--data", csv, "--label", "Label"),
            Run("compare", "--data", csv, "--label", "Label", "--folds", "2"),
            Run("predict", "--model", model, "--data", csv),
        };
        foreach (var r in runs)
        {
            Assert.Equal(1, r.Exit);
            Assert.Contains("line 7, column 'tuce'", r.Err);
            Assert.Contains(reason, r.Err);
            Assert.DoesNotContain("   at ", r.Err);
        }
        Assert.False(File.Exists(Path.Combine(Folder, "m2.zip")));
    }

    [Fact]
    public void APositiveWeightThatSinglePrecisionMakesZeroIsRefusedNotDropped()
    {
        // Stored as a float, 1e-50 is 0: the row would silently leave the fit and the separation check (whose verdict it
        // decides here: without it, x separates the classes).
        string csv = Path.Combine(Folder, "tiny-weight.csv");
        File.WriteAllText(csv, "x,w,y\n1,1,0\n2,1e-50,1\n3,1,1\n0.5,2,0\n2.5,1,0\n");
        foreach (var r in new[]
        {
            Run("stats", "--data", csv, "--label", "y", "--weight", "w"),
            Run("train", "--data", csv, "--label", "y", "--weight", "w", "--model", Path.Combine(Folder, "tw.zip")),
        })
        {
            Assert.Equal(1, r.Exit);
            Assert.Contains("line 3, column 'w': weight '1e-50' is below the range of a float (smallest 1.4e-45) and would become 0", r.Err);
        }
    }

    [Fact]
    public void TwoPathOptionsNamingOneFileAreRefusedAndNothingIsOverwritten()
    {
        string csv = Path.Combine(Folder, "data.csv");
        File.Copy(Spector, csv);
        string before = File.ReadAllText(csv);
        Assert.Equal(2, Run("train", "--data", csv, "--label", "Label", "--model", csv).Exit);
        string model = Path.Combine(Folder, "m.zip");
        Assert.Equal(2, Run("train", "--data", csv, "--label", "Label", "--model", model, "--json", model).Exit);
        Assert.Equal(2, Run("stats", "--data", csv, "--label", "Label", "--json", csv).Exit);
        var r = Run("train", "--data", csv, "--label", "Label", "--model", model);
        Assert.Equal(0, r.Exit);
        Assert.Equal(2, Run("predict", "--model", model, "--data", csv, "--out", csv).Exit);
        Assert.Equal(before, File.ReadAllText(csv));
    }

    [Fact]
    public void PredictToAFullDeviceFailsWithoutClaimingSuccess()
    {
        string model = Path.Combine(Folder, "m.zip");
        Assert.Equal(0, Run("train", "--data", Spector, "--label", "Label", "--model", model).Exit);
        var r = Run("predict", "--model", model, "--data", Spector, "--out", "/dev/full");
        Assert.NotEqual(0, r.Exit);
        Assert.DoesNotContain("predictions written", r.Out);
    }

    [Fact]
    public void PredictOnAModelThatIsNotAClassifierSaysSo()
    {
        var ml = new MLContext(1);
        var set = ReferenceData.Spector.Dense();
        var view = LogReg.MLNet.TrainingSetDataView.ToDataView(set, ml);
        var transform = ml.Transforms.NormalizeMeanVariance("Features").Fit(view);
        string model = Path.Combine(Folder, "normalizer.zip");
        ml.Model.Save(transform, view.Schema, model);
        var r = Run("predict", "--model", model, "--data", Spector);
        Assert.Equal(1, r.Exit);
        Assert.Contains("is not a classifier written by", r.Err);
    }

    [Fact]
    public void ASingleClassLabelIsNamedAsTheUserNamedIt()
    {
        var lines = File.ReadAllLines(Spector);
        var rows = lines.Skip(1).Select(l => l[..l.LastIndexOf(',')] + ",1");
        string csv = Path.Combine(Folder, "one.csv");
        File.WriteAllLines(csv, new[] { "gpa,tuce,psi,improved" }.Concat(rows));
        foreach (var command in new[] { "train", "stats" })
        {
            var r = command == "train"
                ? Run("train", "--data", csv, "--label", "improved", "--model", Path.Combine(Folder, "x.zip"))
                : Run("stats", "--data", csv, "--label", "improved");
            Assert.Equal(1, r.Exit);
            Assert.Contains("label column 'improved' holds a single class", r.Err);
        }
    }

    [Fact]
    public void AJsonWriteThatFailsLeavesTheOldFileWholeAndNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "out.json");
        File.WriteAllText(path, "{\"old\": true}");
        Assert.ThrowsAny<Exception>(() => JsonOutput.WriteWith(path, stream =>
        {
            stream.Write("{\"half\": "u8);
            throw new IOException("disk full");
        }));
        Assert.Equal("{\"old\": true}", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Folder));
        JsonOutput.Write(path, new LogReg.Core.Statistics.ModelStatistics { LogLikelihood = double.NegativeInfinity }, StatisticsJson.Default.ModelStatistics);
        Assert.Contains("\"log_likelihood\": null", File.ReadAllText(path));
    }
}
