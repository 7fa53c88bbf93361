using System.Globalization;
using System.Text.Json;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// Files as people's tools write them (Reference/conventions, made by make_conventions.R and make_pandas.py from mlbench's
/// PimaIndiansDiabetes2 and BreastCancer): R's write.csv (row names, NA, quoted values), pandas' to_csv (index, blanks), a
/// spreadsheet's semicolons and decimal commas — each read as the same data, and the conventions around them.
/// </summary>
public sealed class ConventionsCliTests : CliRun
{
    private static string Conventions(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "conventions", file);

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    private (double[] Estimates, string[] Names, string Out) Stats(string data, params string[] extra)
    {
        string json = Path.Combine(Folder, Guid.NewGuid() + ".json");
        var run = Run([.. new[] { "stats", "--data", data, "--label", "diabetes", "--json", json }, .. extra]);
        Assert.True(run.Exit == 0, run.Err);
        var coefficients = Json(json).GetProperty("coefficients").EnumerateArray().ToArray();
        return (coefficients.Select(c => c.GetProperty("estimate").GetDouble()).ToArray(), coefficients.Select(c => c.GetProperty("name").GetString()!).ToArray(), run.Out);
    }

    [Fact]
    public void RsPandasAndASpreadsheetsFilesGiveTheCleanFilesModelAndRsGlm()
    {
        var clean = Stats(Conventions("pima2_clean.csv"));
        foreach (var form in new[] { "pima2_r.csv", "pima2_pandas.csv", "pima2_spreadsheet.csv" })
        {
            var read = Stats(Conventions(form));
            Assert.Equal(clean.Names, read.Names);
            Assert.Equal(clean.Estimates, read.Estimates); // the same 392 complete rows, the same floats: the same fit
            Assert.Contains("376 of 768 rows left out", read.Out);
        }
        Assert.Contains("delimiter ';' (detected), decimal ',' (detected)", Stats(Conventions("pima2_spreadsheet.csv")).Out);
        Assert.Contains("(row names)  ignored", Stats(Conventions("pima2_r.csv")).Out);
        // R's glm on na.omit(PimaIndiansDiabetes2) (pima2_glm.csv): the features are stored as floats, as ML.NET stores them.
        var r = File.ReadAllLines(Conventions("pima2_glm.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        for (int j = 0; j < r.Length; j++)
        {
            Assert.InRange(Math.Abs(clean.Estimates[j] - r[j]), 0, 1e-6 * Math.Abs(r[j]));
        }
        // train (missing values imputed) reads the three forms as one data set.
        var weights = new[] { "pima2_r.csv", "pima2_pandas.csv", "pima2_spreadsheet.csv" }.Select(form =>
        {
            string json = Path.Combine(Folder, form + ".json");
            var run = Run("train", "--data", Conventions(form), "--label", "diabetes", "--model", Path.Combine(Folder, form + ".zip"), "--json", json);
            Assert.True(run.Exit == 0, run.Err);
            return Json(json).GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        }).ToArray();
        Assert.Equal(weights[0], weights[1]);
        Assert.Equal(weights[0], weights[2]);
    }

    [Fact]
    public void AnIntegerIdColumnIsAnIdentifierUnlessSaidNumeric()
    {
        string model = Path.Combine(Folder, "bc.zip");
        var run = Run("train", "--data", Conventions("breastcancer_r.csv"), "--label", "Class", "--model", model, "--dry-run");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("Id               ignored      number        193        0  whole numbers, 193 distinct of 200, named like an identifier", run.Out);
        Assert.Contains("Bare.nuclei      numeric      number         10        6", run.Out);
        var numeric = Run("train", "--data", Conventions("breastcancer_r.csv"), "--label", "Class", "--model", model, "--dry-run", "--numeric", "Id");
        Assert.Contains("Id               numeric      number        193        0  --numeric", numeric.Out);
        // Named like an ID but fractional, or an ID's name on a column with few distinct values: a feature.
        string other = Write("ids.csv", "customer_id,score_id,y\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{1000 + i},{i % 3}.5,{i % 2}")));
        var features = Run("train", "--data", other, "--label", "y", "--model", model, "--dry-run");
        Assert.Contains("customer_id  ignored", features.Out);
        Assert.Contains("score_id     numeric", features.Out);
    }

    [Fact]
    public void LevelsAreTrimmedAndInNaturalOrderAndAnNaCategoryIsMissing()
    {
        string padded = Write("padded.csv", "size,colour,y\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i =>
            $"{new[] { "2", "10", "1" }[i % 3]},{(i % 4 == 0 ? "  blue " : i % 4 == 1 ? "blue" : i % 4 == 2 ? " red" : "NA")},{(i * 7 % 5 < 2 ? 1 : 0)}")));
        string json = Path.Combine(Folder, "padded.json");
        var run = Run("train", "--data", padded, "--label", "y", "--categorical", "size", "--model", Path.Combine(Folder, "p.zip"), "--json", json);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("categorical 'size': 3 levels, reference '1'", run.Out);
        Assert.Contains("categorical 'colour': 3 levels, reference 'blue'", run.Out); // (blank), blue, red: NA is not the reference
        Assert.Equal(new[] { "size[2]", "size[10]", "colour[(blank)]", "colour[red]" }, Json(json).GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
        // Under --missing skip an NA category leaves its row out, as R's na.omit.
        var skip = Run("train", "--data", padded, "--label", "y", "--categorical", "size", "--model", Path.Combine(Folder, "s.zip"), "--missing", "skip");
        Assert.True(skip.Exit == 0, skip.Err);
        Assert.Contains("--missing skip: 10 of 40 rows left out", skip.Out);
        Assert.Contains("categorical 'colour': 2 levels, reference 'blue'", skip.Out);
        // --na '' reads NA as a level.
        var literal = Run("train", "--data", padded, "--label", "y", "--categorical", "size", "--model", Path.Combine(Folder, "l.zip"), "--na", "", "--dry-run");
        Assert.Contains("colour  categorical  text            3        0", literal.Out);
    }

    [Fact]
    public void DelimitersDecimalCommasAndMissingMarksAreDetectedOrNamed()
    {
        string model = Path.Combine(Folder, "m.zip");
        var ambiguous = Run("train", "--data", Write("amb.csv", "a;b,c\n1;2,3\n4;5,6\n"), "--label", "c", "--model", model);
        Assert.Equal(2, ambiguous.Exit);
        Assert.Contains("the delimiter is ambiguous", ambiguous.Err);
        Assert.Contains("say --delimiter", ambiguous.Err);
        string tab = Write("tab.tsv", "x\ty\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{i * 0.5}\t{i % 3 % 2}")));
        var tabs = Run("train", "--data", tab, "--label", "y", "--model", model);
        Assert.True(tabs.Exit == 0, tabs.Err);
        Assert.Contains("delimiter tab (detected)", tabs.Out);
        string commas = Write("commas.csv", "x,y\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"\"{i},{i % 7}\",{i % 3 % 2}")));
        var quoted = Run("train", "--data", commas, "--label", "y", "--model", model);
        Assert.Equal(1, quoted.Exit);
        Assert.Contains("column 'x' holds numbers written with a decimal comma (e.g. '0,0'); say --decimal , to read them as numbers", quoted.Err);
        Assert.Equal(0, Run("train", "--data", commas, "--label", "y", "--model", model, "--decimal", ",").Exit);
        string marks = Write("marks.csv", "x,y\n1,0\n?,1\n3,0\n4,1\n2,1\n");
        var mark = Run("train", "--data", marks, "--label", "y", "--model", model);
        Assert.Equal(1, mark.Exit);
        Assert.Contains("line 3, column 'x': '?' is not a number.", mark.Err);
        Assert.Contains("If '?' marks a missing value, say --na ?.", mark.Err);
        var read = Run("train", "--data", marks, "--label", "y", "--model", model, "--na", "?");
        Assert.True(read.Exit == 0, read.Err);
        Assert.Contains("missing values: a blank cell, '?' (--na)", read.Out);
        Assert.All(new[] { ambiguous, quoted, mark }, r => Assert.DoesNotContain("   at ", r.Err));
    }

    [Fact]
    public void AHeaderOnlyFileAndARegressionModelAreNamed()
    {
        var header = Run("train", "--data", Write("header.csv", "a,b,y\n"), "--label", "y", "--model", Path.Combine(Folder, "h.zip"));
        Assert.Equal(1, header.Exit);
        Assert.Contains("'" + Path.Combine(Folder, "header.csv") + "' has a header but no data rows.", header.Err);
        var ml = new Microsoft.ML.MLContext(1);
        var rows = Enumerable.Range(0, 20).Select(i => new Row { Features = [i, i % 3], Label = i * 0.5f }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var regression = Microsoft.ML.StandardTrainersCatalog.Sdca(ml.Regression.Trainers).Fit(data);
        string path = Path.Combine(Folder, "regression.zip");
        ml.Model.Save(regression, data.Schema, path);
        var refused = Run("predict", "--model", path, "--data", Write("x.csv", "a\n1\n"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("is a regression model (LinearRegressionModelParameters)", refused.Err);
    }

    [Fact]
    public void AnOutsidersFilesAreReadAsRReadsThem()
    {
        string model = Path.Combine(Folder, "m.zip");
        // An NA before a text column's first value is missing like any other (it was the level (blank)).
        string early = Write("early.csv", "y,a\n1,NA\n0,p\n0,q\n1,p\n0,q\n1,q\n0,p\n1,q\n");
        var skip = Run("stats", "--data", early, "--label", "y");
        Assert.True(skip.Exit == 0, skip.Err);
        Assert.Contains("1 of 8 rows left out", skip.Out);
        Assert.DoesNotContain("a[(blank)]", skip.Out);
        Assert.Contains("categorical 'a': 2 levels", skip.Out);
        // R's write.table: row names under no header cell; a spreadsheet's empty trailing columns.
        string table = Write("table.tsv", "x\tz\ty\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"\"r{i}\"\t{i % 7}.25\t{i % 4}\t{i % 3 % 2}")));
        var rn = Run("train", "--data", table, "--label", "y", "--model", model);
        Assert.True(rn.Exit == 0, rn.Err);
        Assert.Contains("(row names)  ignored", rn.Out);
        Assert.Contains("delimiter tab (detected)", rn.Out);
        string trailing = Write("trailing.csv", "x,y,,\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{i % 5},{i % 3 % 2},,")));
        var empty = Run("train", "--data", trailing, "--label", "y", "--model", model);
        Assert.True(empty.Exit == 0, empty.Err);
        Assert.Contains("(unnamed column 4)  ignored", empty.Out);
        // Thousands separators are named as such (--decimal , would read 18,200 as 18.2); pandas' NaN is missing by default.
        string thousands = Write("thousands.csv", "lwt,y\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"\"{10 + i},{200 + i}\",{i % 2}")));
        var separators = Run("train", "--data", thousands, "--label", "y", "--model", model);
        Assert.Equal(1, separators.Exit);
        Assert.Contains("holds numbers written with thousands separators (e.g. '10,200')", separators.Err);
        string nan = Write("nan.csv", "x,y\n1,0\nNaN,1\n3,0\n4,1\nnull,1\n2,0\n");
        var missing = Run("stats", "--data", nan, "--label", "y");
        Assert.True(missing.Exit == 0, missing.Err);
        Assert.Contains("2 of 6 rows left out", missing.Out);
        // Integer IDs beyond a float's exact integers are IDs though single precision merges them.
        string big = Write("big.csv", "customer_id,x,y\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{123456789001L + i},{i % 6},{i % 2}")));
        Assert.Contains("customer_id  ignored", Run("train", "--data", big, "--label", "y", "--model", model, "--dry-run").Out);
        var header = Run("predict", "--model", model, "--data", Write("h.csv", "x,y\n"));
        Assert.Equal(1, header.Exit);
        Assert.Contains("has a header but no data rows; nothing to predict", header.Err);
    }

    [Fact]
    public void StatsPrintsLongNamesWholeAndWideFiguresApart()
    {
        var random = new Random(4);
        string data = Write("long.csv", "customer_lifetime_value_2023,customer_lifetime_value_2024,y\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i =>
        {
            double a = random.NextDouble() * 1e-3, b = random.NextDouble();
            return FormattableString.Invariant($"{a:R},{b:R},{(random.NextDouble() < 1 / (1 + Math.Exp(-(4000 * a - 2 + b))) ? 1 : 0)}");
        })));
        var run = Run("stats", "--data", data, "--label", "y");
        Assert.True(run.Exit == 0, run.Err);
        var rows = run.Out.Split('\n').Where(l => l.StartsWith("customer_lifetime_value_", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("customer_lifetime_value_2023 ", rows[0]);
        Assert.StartsWith("customer_lifetime_value_2024 ", rows[1]);
        Assert.All(rows, r => Assert.Equal(7, r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)); // name and six figures, apart
    }

    [Fact]
    public void ALevelWithALineBreakKeepsItsTableRowOnOneLine()
    {
        // R's write.csv keeps a line break inside a quoted level ("New\nYork"); the table shows it escaped.
        var random = new Random(5);
        string data = Write("cities.csv", "city,x,y\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i =>
            FormattableString.Invariant($"{(i % 2 == 0 ? "\"New\nYork\"" : "Boston")},{random.NextDouble():R},{(random.NextDouble() < 0.4 + 0.2 * (i % 2) ? 1 : 0)}"))));
        var run = Run("stats", "--data", data, "--label", "y");
        Assert.True(run.Exit == 0, run.Err);
        var row = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("city[", StringComparison.Ordinal));
        Assert.StartsWith("city[New\\nYork] ", row);
        Assert.Equal(7, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private sealed class Row
    {
        [Microsoft.ML.Data.VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
