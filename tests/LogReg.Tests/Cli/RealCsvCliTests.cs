using System.Globalization;
using System.Text.Json;
using LogReg.Cli;
using LogReg.Tests.Kit;
using LogReg.Tests.MLNet;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// The commands on a CSV as people have them (examples/data/customers.csv: an ID, quoted commas, string
/// categories, free text, blanks, a yes/no label): roles, labels, missing values, the saved pipeline, factors.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RealCsvCliTests : CliRun
{
    private static string Customers => Path.Combine(AppContext.BaseDirectory, "Reference", "customers.csv");

    private static readonly string[] Roles = { "--label", "Churned", "--text", "Notes", "--id", "CustomerId" };

    private static string[] Args(params string[] args) => args;

    // The schema line of a column: name, role, type, distinct, missing, why.
    private static string[] SchemaLine(string output, string column) =>
        output.Split('\n').Select(l => l.TrimEnd()).First(l => l.StartsWith("  " + column + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void RolesAreInferredPrintedAndOverridableAndDryRunFitsNothing()
    {
        string model = Path.Combine(Folder, "m.zip");
        var inferred = Run("train", "--data", Customers, "--label", "Churned", "--dry-run"); // no --model needed
        Assert.Equal(1, inferred.Exit); // Notes: 133 distinct strings, no role can be inferred
        Assert.Contains("column 'Notes' holds 133 distinct strings, more than 20", inferred.Err);
        Assert.Contains("say --text Notes", inferred.Err);
        Assert.Equal(new[] { "CustomerId", "ignored", "text", "600", "0" }, SchemaLine(inferred.Out, "CustomerId")[..5]);
        Assert.Equal(new[] { "City", "categorical", "text", "5", "0" }, SchemaLine(inferred.Out, "City")[..5]);
        Assert.Equal(new[] { "Plan", "categorical", "text", "3", "24" }, SchemaLine(inferred.Out, "Plan")[..5]);
        Assert.Equal(new[] { "Age", "numeric", "number", "56", "44" }, SchemaLine(inferred.Out, "Age")[..5]);
        Assert.Equal(new[] { "Notes", "?", "text", "133", "191" }, SchemaLine(inferred.Out, "Notes")[..5]);

        var given = Run(Args("train", "--data", Customers, "--model", model, "--dry-run", "--categorical", "Age").Concat(Roles).ToArray());
        Assert.True(given.Exit == 0, given.Err);
        Assert.Equal(new[] { "CustomerId", "id" }, SchemaLine(given.Out, "CustomerId")[..2]);
        Assert.Equal(new[] { "Notes", "text" }, SchemaLine(given.Out, "Notes")[..2]);
        Assert.Equal(new[] { "Age", "categorical", "number", "56", "44", "--categorical" }, SchemaLine(given.Out, "Age"));
        Assert.Contains("label 'Churned': positive class: 'yes'", given.Out);
        Assert.Contains("categorical 'City': 5 levels, reference 'Austin, TX'", given.Out);
        Assert.DoesNotContain("trained on", given.Out);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void AnyTwoLabelValuesAndPositiveFlipsTheModel()
    {
        string yes = Path.Combine(Folder, "yes.zip"), no = Path.Combine(Folder, "no.zip");
        Assert.Equal(0, Run(Args("train", "--data", Customers, "--model", yes).Concat(Roles).ToArray()).Exit);
        var flipped = Run(Args("train", "--data", Customers, "--model", no, "--positive", "no").Concat(Roles).ToArray());
        Assert.True(flipped.Exit == 0, flipped.Err);
        Assert.Contains("positive class: 'no' (--positive)", flipped.Out);
        var p = Predictions(yes);
        var q = Predictions(no);
        Assert.Equal(600, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            // L2 treats w and −w alike, so the flipped label's optimum is the negated model.
            Assert.Equal(p[i].Id, q[i].Id);
            Assert.InRange(Math.Abs(p[i].Probability + q[i].Probability - 1), 0, 1e-5);
            Assert.Equal(p[i].Probability > 0.5 ? "yes" : "no", p[i].Label);
            Assert.Equal(q[i].Probability > 0.5 ? "no" : "yes", q[i].Label);
        }
    }

    private static (string Id, double Probability, string Label)[] Predictions(string model, string? data = null)
    {
        var r = Run("predict", "--model", model, "--data", data ?? Customers);
        Assert.True(r.Exit == 0, r.Err);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CustomerId,Score,Probability,PredictedLabel", lines[0]); // the ID train was given comes first
        return lines.Skip(1).Select(l => l.Split(',')).Select(c => (c[0], double.Parse(c[2], CultureInfo.InvariantCulture), c[3])).ToArray();
    }

    [Fact]
    public void MissingErrorNamesTheFirstBlankAndSkipLeavesOutRowsAsRDoes()
    {
        var table = CsvTable.Read(Customers);
        int age = Array.IndexOf(table.Header, "Age"), income = Array.IndexOf(table.Header, "Income");
        var rows = Enumerable.Range(0, table.RowCount).ToList();
        int first = rows.FindIndex(r => table.Cell(r, age).Length == 0 || table.Cell(r, income).Length == 0);
        string column = table.Cell(first, age).Length == 0 ? "Age" : "Income";
        var error = Run(Args("train", "--data", Customers, "--model", Path.Combine(Folder, "m.zip"), "--missing", "error").Concat(Roles).ToArray());
        Assert.Equal(1, error.Exit);
        Assert.Contains($"line {first + 2}, column '{column}': a missing value; --missing error refuses them", error.Err);

        int complete = rows.Count(r => table.Cell(r, age).Length > 0 && table.Cell(r, income).Length > 0);
        var skip = Run(Args("train", "--data", Customers, "--model", Path.Combine(Folder, "m.zip"), "--missing", "skip").Concat(Roles).ToArray());
        Assert.True(skip.Exit == 0, skip.Err);
        Assert.Contains($"--missing skip: {600 - complete} of 600 rows left out", skip.Out);
        Assert.Contains($"trained on {complete} rows", skip.Out);
    }

    [Fact]
    public void MissingMeanImputesTheTrainingMeanWithAnIndicator()
    {
        string train = Write("train.csv", "x,z,y\n1,0,0\n,1,1\n3,0,1\n4,1,0\n,0,1\n6,1,1\n2,1,0\n5,0,0\n");
        string model = Path.Combine(Folder, "m.zip"), json = Path.Combine(Folder, "m.json");
        var r = Run("train", "--data", train, "--label", "y", "--model", model, "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(new[] { "x", "z", "x[missing]" }, doc.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
        double indicator = doc.GetProperty("weights")[2].GetDouble();
        double mean = (1 + 3 + 4 + 6 + 2 + 5) / 6.0;
        string rows = Write("rows.csv", string.Create(CultureInfo.InvariantCulture, $"x,z\n,1\n{(float)mean:R},1\n"));
        var p = Run("predict", "--model", model, "--data", rows);
        Assert.True(p.Exit == 0, p.Err);
        var scores = p.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        // A blank scores as the training mean plus the indicator's weight.
        Assert.InRange(Math.Abs(scores[0] - scores[1] - indicator), 0, 1e-5);

        string skipModel = Path.Combine(Folder, "skip.zip");
        Assert.Equal(0, Run("train", "--data", train, "--label", "y", "--model", skipModel, "--missing", "skip").Exit);
        var refused = Run("predict", "--model", skipModel, "--data", rows);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("line 2, column 'x': a missing value; model", refused.Err);
        Assert.Contains("--missing skip", refused.Err);
    }

    [Fact]
    public void TheSavedPipelineScoresRawRowsIdenticallyInPlainMLNetAndInAnyColumnLayout()
    {
        string model = Path.Combine(Folder, "m.zip"), predictions = Path.Combine(Folder, "p.csv");
        Assert.Equal(0, Run(Args("train", "--data", Customers, "--model", model).Concat(Roles).ToArray()).Exit);
        Assert.Equal(0, Run("predict", "--model", model, "--data", Customers, "--out", predictions).Exit);
        var ours = File.ReadAllLines(predictions).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(600, ours.Length);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => $"C{i:D5}"), ours.Select(c => c[0])); // row count and order kept

        string loader = OutOfProcessTests.SiblingOutput("PlainMLNetLoader", "PlainMLNetLoader.dll");
        var (exit, stdout, stderr) = OutOfProcessTests.RunDotnet(loader, "--csv", model, Customers);
        Assert.True(exit == 0, $"exit {exit}: {stderr}"); // exit 3 would mean a LogReg assembly was needed
        var plain = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();
        Assert.Equal(ours.Length, plain.Length);
        for (int i = 0; i < ours.Length; i++)
        {
            Assert.Equal(ours[i][1], plain[i][0]); // Score, as the same float
            Assert.Equal(ours[i][2], plain[i][1]); // Probability
        }

        // The same rows with the columns in another order, the label gone and an extra column: the same predictions.
        var table = CsvTable.Read(Customers);
        var order = new[] { "Notes", "SupportCalls", "Extra", "TenureMonths", "Income", "Age", "Plan", "City", "CustomerId" };
        var lines = Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", order.Select(c => c == "Extra" ? "x" : PredictCommand.CsvCell(table.Cell(r, Array.IndexOf(table.Header, c))))));
        string shuffled = Write("shuffled.csv", string.Join("\n", lines.Prepend(string.Join(",", order))));
        var again = Predictions(model, shuffled);
        Assert.Equal(ours.Select(c => c[2]), again.Select(p => p.Probability.ToString("R", CultureInfo.InvariantCulture)).Select(s => float.Parse(s, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)));

        var lacking = Run("predict", "--model", model, "--data", Write("lacking.csv", "CustomerId,City\nC1,Boise\n"));
        Assert.Equal(1, lacking.Exit);
        Assert.Contains("has no feature column 'Plan', 'Age', 'Income', 'TenureMonths', 'SupportCalls', 'Notes'", lacking.Err);
    }

    [Fact]
    public void StatsWithTwoFactorsMatchesRGlmWithTreatmentContrasts()
    {
        var reference = ReferenceData.File("customers_glm");
        string json = Path.Combine(Folder, "s.json");
        var r = Run("stats", "--data", Customers, "--label", "Churned", "--id", "CustomerId", "--ignore", "Notes", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("--missing skip: 77 of 600 rows left out", r.Out); // stats' default, R's na.omit
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(reference.GetProperty("nobs").GetInt32(), doc.GetProperty("observations").GetInt32());
        Assert.Equal(reference.GetProperty("loglik").GetDouble(), doc.GetProperty("log_likelihood").GetDouble(), 1e-6);
        var coefficients = doc.GetProperty("coefficients").EnumerateArray().ToArray();
        var expected = reference.GetProperty("coefficients").EnumerateObject().ToArray();
        Assert.Equal(expected.Select(e => e.Name), coefficients.Select(c => c.GetProperty("name").GetString()));
        foreach (var c in coefficients)
        {
            string name = c.GetProperty("name").GetString()!;
            Assert.Equal(reference.GetProperty("coefficients").GetProperty(name).GetDouble(), c.GetProperty("estimate").GetDouble(), 1e-6);
            Assert.Equal(reference.GetProperty("se").GetProperty(name).GetDouble(), c.GetProperty("standard_error").GetDouble(), 1e-6);
        }
    }

    [Fact]
    public void ReferenceLevelReparametrisesAndDropTestsEveryLevelOfAFactor()
    {
        string a = Path.Combine(Folder, "a.json"), b = Path.Combine(Folder, "b.json"), c = Path.Combine(Folder, "c.json");
        var common = Args("stats", "--data", Customers, "--label", "Churned", "--id", "CustomerId");
        Assert.Equal(0, Run(common.Concat(new[] { "--ignore", "Notes", "--json", a }).ToArray()).Exit);
        var pro = Run(common.Concat(new[] { "--ignore", "Notes", "--json", b, "--reference", "Plan=Pro,City=Portland, OR" }).ToArray());
        Assert.True(pro.Exit == 0, pro.Err);
        Assert.Contains("reference 'Portland, OR'", pro.Out);
        double Estimate(JsonElement doc, string name) =>
            doc.GetProperty("coefficients").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("estimate").GetDouble();
        var first = JsonDocument.Parse(File.ReadAllText(a)).RootElement;
        var second = JsonDocument.Parse(File.ReadAllText(b)).RootElement;
        Assert.Equal(first.GetProperty("log_likelihood").GetDouble(), second.GetProperty("log_likelihood").GetDouble(), 1e-9);
        Assert.Equal(-Estimate(first, "Plan[Pro]"), Estimate(second, "Plan[Basic]"), 1e-6);
        Assert.Equal(Estimate(first, "Plan[Plus]") - Estimate(first, "Plan[Pro]"), Estimate(second, "Plan[Plus]"), 1e-6);

        string d = Path.Combine(Folder, "drop.json");
        var drop = Run(common.Concat(new[] { "--ignore", "Notes", "--drop", "Plan", "--json", d }).ToArray());
        Assert.True(drop.Exit == 0, drop.Err);
        Assert.Contains("dropping Plan[(blank)], Plan[Plus], Plan[Pro]: LR = ", drop.Out);
        Assert.Contains("df = 3", drop.Out);
        Assert.Equal(0, Run(common.Concat(new[] { "--ignore", "Notes,Plan", "--json", c }).ToArray()).Exit);
        double without = JsonDocument.Parse(File.ReadAllText(c)).RootElement.GetProperty("log_likelihood").GetDouble();
        double lr = 2 * (first.GetProperty("log_likelihood").GetDouble() - without);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"LR = {lr:F4}"), drop.Out);
        var test = JsonDocument.Parse(File.ReadAllText(d)).RootElement.GetProperty("likelihood_ratio_test");
        Assert.Equal(lr, test.GetProperty("statistic").GetDouble(), 1e-6);
        Assert.Equal(3, test.GetProperty("degrees_of_freedom").GetInt32());
        Assert.Equal(without, test.GetProperty("reduced_log_likelihood").GetDouble(), 1e-6);
        Assert.Equal(new[] { "Plan[(blank)]", "Plan[Plus]", "Plan[Pro]" }, test.GetProperty("dropped").EnumerateArray().Select(e => e.GetString()));

        var unknown = Run(common.Concat(new[] { "--ignore", "Notes", "--reference", "Plan=Gold" }).ToArray());
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("'Gold' is not a level of 'Plan' (its levels: '(blank)', 'Basic', 'Plus', 'Pro')", unknown.Err);
    }

    [Fact]
    public void AColumnNotInAWideFileIsNamedWithTheFirstColumnsAndTheNameMeantButForCase()
    {
        string model = Path.Combine(Folder, "m.zip");
        string wide = Write("wide.csv", string.Join(",", Enumerable.Range(1, 500).Select(j => $"X{j}")) + ",y\n"
            + string.Join("\n", Enumerable.Range(0, 6).Select(i => string.Join(",", Enumerable.Range(1, 500).Select(j => (i * j) % 7)) + $",{i % 2}")) + "\n");
        var upper = Run("cv", "--data", wide, "--label", "Y", "--model", model);
        Assert.Equal(1, upper.Exit);
        var line = Assert.Single(upper.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("has no label column 'Y'; did you mean 'y' (names are matched exactly)? its columns are: X1, X2,", line);
        Assert.Contains("X20 … and 481 more (501 in all).", line);
        Assert.DoesNotContain("X21,", line);
        Assert.True(line.Length < 400, line);
        var absent = Run("cv", "--data", wide, "--label", "z", "--model", model);
        Assert.Contains("has no label column 'z'; its columns are: X1,", absent.Err);
        Assert.DoesNotContain("did you mean", absent.Err);
    }

    [Fact]
    public void BadColumnOptionsAreOneClearLine()
    {
        string model = Path.Combine(Folder, "m.zip");
        var twice = Run("train", "--data", Customers, "--label", "Churned", "--model", model, "--categorical", "City", "--ignore", "City,Notes");
        Assert.Equal(2, twice.Exit);
        Assert.Contains("column 'City' is named by both --categorical and --ignore", twice.Err);
        var again = Run("train", "--data", Customers, "--label", "Churned", "--model", model, "--ignore", "Notes,Notes");
        Assert.Equal(2, again.Exit);
        Assert.Contains("--ignore names column 'Notes' twice", again.Err);
        var id = Run("train", "--data", Customers, "--label", "Churned", "--model", model, "--id", "Customer");
        Assert.Equal(1, id.Exit);
        Assert.Contains("has no --id column 'Customer'; its columns are: CustomerId, City, Plan", id.Err);
        var header = Run("train", "--data", Write("dup.csv", "a,a,y\n1,2,0\n3,4,1\n"), "--label", "y", "--model", model);
        Assert.Contains("names column 'a' more than once: columns 1 and 2 (names are read without the spaces around them); rename one in the file.", header.Err);
        var spaced = Run("train", "--data", Write("spaced.csv", "x,b,\"x \",y\n1,2,3,0\n3,4,5,1\n"), "--label", "y", "--model", model);
        Assert.Equal(1, spaced.Exit);
        Assert.Contains("names column 'x' more than once: columns 1 and 3 (names are read without the spaces around them)", spaced.Err);
        string blank = Write("blank.csv", "a,empty,y\n1,,0\n2,,1\n3,,0\n4,,1\n");
        var b = Run("train", "--data", blank, "--label", "y", "--model", model);
        Assert.Equal(1, b.Exit);
        Assert.Contains("column 'empty' is blank in every row", b.Err);
        Assert.Contains("--ignore empty", b.Err);
        Assert.Equal(0, Run("train", "--data", blank, "--label", "y", "--model", model, "--ignore", "empty").Exit);
        var typo = Run("train", "--data", Write("typo.csv", "a,y\n1,0\n2,1\n3x,0\n4,1\n"), "--label", "y", "--model", model);
        Assert.Equal(1, typo.Exit);
        Assert.Contains("line 4, column 'a': '3x' is not a number", typo.Err);
        var clash = Run("train", "--data", Write("clash.csv", "Age,Age[missing],y\n1,0,0\n2,1,1\n,0,0\n4,1,1\n"), "--label", "y", "--model", model);
        Assert.Equal(1, clash.Exit);
        Assert.Contains("column 'Age[missing]' has a name this tool gives an intermediate column", clash.Err);
        Assert.All(new[] { twice, again, id, header, b, typo, clash }, r => Assert.DoesNotContain("   at ", r.Err));
    }

    [Fact]
    public void AWeightColumnEqualsRepeatedRows()
    {
        var spector = File.ReadAllLines(Spector);
        var weighted = spector.Take(1).Select(h => h + ",w").Concat(spector.Skip(1).Select((l, i) => l + "," + (i % 3 == 0 ? "2" : "1")));
        var repeated = spector.Take(1).Concat(spector.Skip(1).SelectMany((l, i) => i % 3 == 0 ? new[] { l, l } : new[] { l }));
        string a = Path.Combine(Folder, "a.json"), b = Path.Combine(Folder, "b.json");
        Assert.Equal(0, Run("stats", "--data", Write("w.csv", string.Join("\n", weighted)), "--label", "Label", "--weight", "w", "--json", a).Exit);
        Assert.Equal(0, Run("stats", "--data", Write("r.csv", string.Join("\n", repeated)), "--label", "Label", "--json", b).Exit);
        var x = JsonDocument.Parse(File.ReadAllText(a)).RootElement.GetProperty("coefficients").EnumerateArray().ToArray();
        var y = JsonDocument.Parse(File.ReadAllText(b)).RootElement.GetProperty("coefficients").EnumerateArray().ToArray();
        Assert.Equal(y.Length, x.Length);
        for (int j = 0; j < x.Length; j++)
        {
            Assert.Equal(y[j].GetProperty("estimate").GetDouble(), x[j].GetProperty("estimate").GetDouble(), 1e-7);
            Assert.Equal(y[j].GetProperty("standard_error").GetDouble(), x[j].GetProperty("standard_error").GetDouble(), 1e-7);
        }
    }

    [Fact]
    public void AFoldsImputationIsLearnedFromItsTrainingRowsOnly()
    {
        var table = CsvTable.Read(Write("folds.csv", "x,y\n1,0\n3,1\n100,0\n,1\n"));
        var prepared = PreparedTable.Prepare(TableSchema.Infer(table, new ColumnOptions { Label = "y" }));
        var test = CsvInput.ToTrainingSet(new Microsoft.ML.MLContext(1), prepared, fitOn: new[] { 0, 1 }, apply: new[] { 2, 3 });
        Assert.Equal(new[] { "x", "x[missing]" }, test.FeatureNames);
        var row = new double[2];
        test.Features.CopyRow(0, row);
        Assert.Equal(new[] { 100.0, 0.0 }, row);
        test.Features.CopyRow(1, row);
        Assert.Equal(new[] { 2.0, 1.0 }, row); // the mean of the fold's training rows (1, 3), not of the file (34.7)
        Assert.Equal(new[] { 0.0, 1.0 }, test.Labels);
    }

    [Fact]
    public void CompareAssemblesTheSameFeaturesAsTrain()
    {
        var r = Run(Args("compare", "--data", Customers, "--folds", "2").Concat(Roles).ToArray());
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("customers.csv: 600 rows × 50 features", r.Out);
        var train = Run(Args("train", "--data", Customers, "--model", Path.Combine(Folder, "m.zip")).Concat(Roles).ToArray());
        Assert.Contains("trained on 600 rows × 50 features", train.Out);
        foreach (var trainer in LogReg.Compare.TrainerComparison.TrainerNames)
        {
            Assert.Contains(trainer, r.Out);
        }
    }
}
