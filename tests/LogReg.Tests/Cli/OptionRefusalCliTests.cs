using System.IO.Compression;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// Options that do not apply are refused in one line with a usage exit, before anything is fitted — never silently
/// ignored: the binary-only statistics on a K-class label, an unknown --drop column, an empty column list, --shards
/// without --cluster, a port out of range; and --statistics yes keeps the softmax model's table.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OptionRefusalCliTests : CliRun
{
    private static string Iris => Path.Combine(AppContext.BaseDirectory, "Reference", "iris.csv");

    [Theory]
    [InlineData("--method", "firth")]
    [InlineData("--ci", "profile")]
    [InlineData("--drop", "sepal_width")]
    public void BinaryOnlyStatisticsAreRefusedOnAMulticlassLabel(string option, string value)
    {
        var r = Run("stats", "--data", Iris, "--label", "species", option, value);
        Assert.Equal(2, r.Exit);
        Assert.Contains("the label has 3 classes; --covariance, --drop, --method firth and --ci profile are for a binary label", r.Err);
        Assert.DoesNotContain("coef", r.Out);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("cv")]
    [InlineData("stats")]
    public void AMeasurementAsTheLabelIsRefusedNotFittedAsOneClassPerValue(string command)
    {
        // sepal_length: 35 different numbers with decimals — it had trained as 35 classes without a word.
        string[] model = command == "stats" ? [] : ["--model", Path.Combine(Folder, "m.zip")];
        var r = Run([command, "--data", Iris, "--label", "sepal_length", .. model]);
        Assert.Equal(2, r.Exit);
        Assert.Matches(@"^error: label 'sepal_length' holds 35 different numbers, not all whole \(e\.g\. [0-9.]+\): a measurement, not classes; ", r.Err.Trim());
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(Folder, "m.zip")));
        // As R's write.csv2 writes them: ';' between cells, decimal commas.
        string csv2 = Path.Combine(Folder, "csv2.csv");
        File.WriteAllLines(csv2, new[] { "\"x\";\"y\"" }.Concat(Enumerable.Range(0, 30).Select(i => $"{i % 4};{i * 0.37 - 5:0.000}".Replace('.', ','))));
        var commas = Run([command, "--data", csv2, "--label", "y", .. model]);
        Assert.Equal(2, commas.Exit);
        Assert.Matches(@"^error: label 'y' holds 30 different numbers, not all whole \(e\.g\. -?[0-9]+,[0-9]+\): a measurement", commas.Err.Trim());
    }

    [Fact]
    public void AColumnNamedAsALevelsCoefficientIsRefusedBeforeTheFit()
    {
        // 'a[c]' is both a column and level c of 'a': the JSON's coefficients had held the key twice.
        string data = Path.Combine(Folder, "clash.csv");
        File.WriteAllLines(data, new[] { "a,a[c],x1,y" }.Concat(Enumerable.Range(0, 40).Select(i => $"{(i % 3 == 0 ? "b" : "c")},{i % 7},{i % 5},{i % 2}")));
        foreach (var command in new[] { "train", "cv" })
        {
            var r = Run(command, "--data", data, "--label", "y", "--model", Path.Combine(Folder, "m.zip"));
            Assert.Equal(1, r.Exit);
            Assert.Equal("error: column 'a[c]' has the name this tool gives level 'c' of categorical column 'a'; rename one of them in the file.", r.Err.Trim());
            Assert.False(File.Exists(Path.Combine(Folder, "m.zip")));
        }
        // A text column's words are named the same way, and known only after featurising: a column of that form is refused.
        File.WriteAllLines(data, new[] { "t,t[hello],y" }.Concat(Enumerable.Range(0, 40).Select(i => $"{(i % 2 == 0 ? "hello there" : "bye now")},{i % 7},{i % 2}")));
        var text = Run("cv", "--data", data, "--label", "y", "--text", "t", "--model", Path.Combine(Folder, "m.zip"));
        Assert.Equal(1, text.Exit);
        Assert.Equal("error: column 't[hello]' has the form of the names this tool gives the words of text column 't'; rename it in the file.", text.Err.Trim());
    }

    [Fact]
    public void AnUnknownDropColumnIsRefusedBeforeTheFit()
    {
        var r = Run("stats", "--data", Spector, "--label", "Label", "--drop", "gpa,nosuch");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--drop names 'nosuch', which is not a feature of the model; its features: gpa, tuce, psi.", r.Err);
        Assert.DoesNotContain("coef", r.Out);
    }

    [Theory]
    [InlineData("--categorical", "")]
    [InlineData("--drop", ",")]
    public void AnEmptyColumnListIsAUsageError(string option, string value)
    {
        var r = Run("stats", "--data", Spector, "--label", "Label", option, value);
        Assert.Equal(2, r.Exit);
        Assert.Contains($"option '{option}' is '{value}'; expected one or more column names separated by commas.", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void ShardsWithoutAClusterAndPortsOutOfRangeAreRefused()
    {
        var shards = Run("train", "--data", Spector, "--label", "Label", "--model", Path.Combine(Folder, "m.zip"), "--shards", "x*.csv");
        Assert.Equal(2, shards.Exit);
        Assert.Contains("--shards trains over a cluster's workers and needs --cluster", shards.Err);
        var port = Run("worker", "--cluster", "localhost", "--port", "70000");
        Assert.Equal(2, port.Exit);
        Assert.Contains("option '--port' is '70000'; expected a whole number ≥ 1 and ≤ 65535.", port.Err);
    }

    [Fact]
    public void StatisticsYesKeepsTheSoftmaxModelsTableInTheModelFile()
    {
        string model = Path.Combine(Folder, "iris.zip");
        var r = Run("train", "--data", Iris, "--label", "species", "--model", model, "--l2", "0.1", "--statistics", "yes");
        Assert.True(r.Exit == 0, r.Err);
        using var zip = ZipFile.OpenRead(model);
        using var details = new StreamReader(zip.GetEntry("LogReg/MulticlassDetails.json")!.Open());
        string json = details.ReadToEnd();
        Assert.Contains("\"Statistics\":{", json.Replace(" ", "").Replace("\n", ""));
    }
}
