using System.Text.Json;
using LogReg.Cli;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

public sealed class CommandLineTests : CliRun
{
    [Fact]
    public void TrainWritesTheDocumentedJsonWithRawColumnWeights()
    {
        string model = Path.Combine(Folder, "m.zip");
        string json = Path.Combine(Folder, "m.json");
        var r = Run("train", "--data", Spector, "--label", "Label", "--model", model, "--json", json, "--normalize", "none", "--l2", "1");
        Assert.True(r.Exit == 0, r.Err);
        Assert.True(File.Exists(model));
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(new[] { "gpa", "tuce", "psi" }, doc.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
        foreach (var key in new[] { "weights", "bias", "objective", "gradient_norm", "iterations", "converged", "loss", "optimizer", "l1", "l2" })
        {
            Assert.True(doc.TryGetProperty(key, out _), key);
        }
        Assert.Equal("bce", doc.GetProperty("loss").GetString());
        Assert.Equal("newton", doc.GetProperty("optimizer").GetString()); // Auto on 32 × 3: a small problem
        Assert.True(doc.GetProperty("converged").GetBoolean());
        // With --normalize none the weights are those of the raw columns: the reference optimum.
        var (objective, intercept, coef) = ReferenceData.Spector.L2Reference("C=1");
        var weights = doc.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(coef[j], weights[j], 1e-5 * Math.Max(1, Math.Abs(coef[j])));
        }
        Assert.Equal(intercept, doc.GetProperty("bias").GetDouble(), 1e-4);
        Assert.InRange(Math.Abs(doc.GetProperty("objective").GetDouble() - objective) / objective, 0, 1e-6);
    }

    [Fact]
    public void TrainWithEveryOptionAndPredictToStdout()
    {
        string model = Path.Combine(Folder, "m.zip");
        var r = Run("train", "--data", Spector, "--label", "Label", "--model", model, "--loss", "mse", "--optimizer", "lbfgs",
            "--l2", "0.5", "--l1", "0.1", "--max-iterations", "500", "--tolerance", "1e-6", "--normalize", "meanvar", "--threads", "2", "--seed", "3");
        Assert.True(r.Exit == 0, r.Err);
        var p = Run("predict", "--model", model, "--data", Spector);
        Assert.True(p.Exit == 0, p.Err);
        var lines = p.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Score,Probability,PredictedLabel", lines[0].Trim());
        Assert.Equal(33, lines.Length);
    }

    [Fact]
    public void MissingFileIsOneClearLine()
    {
        var r = Run("train", "--data", Path.Combine(Folder, "nope.csv"), "--label", "Label", "--model", Path.Combine(Folder, "m.zip"));
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("does not exist", r.Err);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void MissingLabelColumnIsNamed()
    {
        var r = Run("train", "--data", Spector, "--label", "grade", "--model", Path.Combine(Folder, "m.zip"));
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("no label column 'grade'", r.Err);
        Assert.Contains("gpa, tuce, psi, Label", r.Err);
    }

    [Fact]
    public void NonNumericCellNamesRowAndColumn()
    {
        string csv = Write("bad.csv", "a,b,Label\n1,2,0\n3,x7,1\n");
        var r = Run("train", "--data", csv, "--label", "Label", "--model", Path.Combine(Folder, "m.zip"));
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("line 3, column 'b': 'x7' is not a number", r.Err);
    }

    [Fact]
    public void AnyTwoLabelValuesWorkWithAStatedOrChosenPositiveClass()
    {
        string csv = Write("yesno.csv", "a,Outcome\n1,no\n2,no\n3,yes\n4,yes\n2.5,no\n");
        string model = Path.Combine(Folder, "m.zip");
        var r = Run("train", "--data", csv, "--label", "Outcome", "--model", model);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("positive class: 'yes' (the value spelled 1, true or yes", r.Out);
        string ab = Write("ab.csv", "a,grp\n1,a\n2,b\n3,b\n4,a\n5,b\n");
        Assert.Contains("positive class: 'b' (the second in sorted order", Run("train", "--data", ab, "--label", "grp", "--model", model).Out);
        Assert.Contains("positive class: 'a' (--positive)", Run("train", "--data", ab, "--label", "grp", "--model", model, "--positive", "a").Out);
        var wrong = Run("train", "--data", ab, "--label", "grp", "--model", model, "--positive", "c");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("--positive 'c' is not a value of label column 'grp' (its values: 'a', 'b')", wrong.Err);
        string blank = Write("blank.csv", "a,grp\n1,a\n2,\n3,b\n");
        Assert.Contains("line 3, column 'grp': the label is missing (blank, or a missing-value token such as NA)", Run("train", "--data", blank, "--label", "grp", "--model", model).Err);
    }

    [Fact]
    public void IdAndIgnoredColumnsAreNotFeaturesAndPredictWritesTheIdFirst()
    {
        string csv = Write("customers.csv", "CustomerId,Age,Note,Income,Outcome\nC1,30,x,1.5,no\nC2,45,y,2.5,yes\nC3,22,z,1.0,no\nC4,51,w,3.0,yes\nC5,38,v,2.0,no\nC6,60,u,2.8,yes\n");
        string model = Path.Combine(Folder, "m.zip");
        string json = Path.Combine(Folder, "m.json");
        var train = Run("train", "--data", csv, "--label", "Outcome", "--model", model, "--id", "CustomerId", "--ignore", "Note", "--json", json);
        Assert.True(train.Exit == 0, train.Err);
        Assert.Equal(new[] { "Age", "Income" }, JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
        string predictions = Path.Combine(Folder, "p.csv");
        var predict = Run("predict", "--model", model, "--data", csv, "--id", "CustomerId", "--out", predictions);
        Assert.True(predict.Exit == 0, predict.Err);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("CustomerId,Score,Probability,PredictedLabel", lines[0]);
        Assert.Equal(new[] { "C1", "C2", "C3", "C4", "C5", "C6" }, lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void FlippingThePositiveClassFlipsTheWeights()
    {
        string model = Path.Combine(Folder, "m.zip");
        string one = Path.Combine(Folder, "one.json"), zero = Path.Combine(Folder, "zero.json");
        Assert.Equal(0, Run("train", "--data", Spector, "--label", "Label", "--model", model, "--json", one).Exit);
        Assert.Equal(0, Run("train", "--data", Spector, "--label", "Label", "--model", model, "--json", zero, "--positive", "0").Exit);
        var w1 = JsonDocument.Parse(File.ReadAllText(one)).RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var w0 = JsonDocument.Parse(File.ReadAllText(zero)).RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        NumericAssert.Close(w1, w0.Select(w => -w).ToArray(), 1e-6, "w");
    }

    [Fact]
    public void TrueFalseLabelsAndSingleClassData()
    {
        string ok = Write("ok.csv", "a,y\n1,true\n2,false\n3,TRUE\n0.5,False\n");
        Assert.Equal(0, Run("train", "--data", ok, "--label", "y", "--model", Path.Combine(Folder, "m.zip")).Exit);
        string single = Write("single.csv", "a,y\n1,1\n2,1\n");
        var r = Run("train", "--data", single, "--label", "y", "--model", Path.Combine(Folder, "m.zip"));
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("single class", r.Err);
    }

    [Fact]
    public void BadOptionsAndCommandsAreUsageErrors()
    {
        Assert.Equal(2, Run("train", "--data", Spector, "--label", "Label", "--model", "m.zip", "--loss", "hinge").Exit);
        Assert.Equal(2, Run("train", "--data", Spector, "--label", "Label").Exit);
        Assert.Equal(2, Run("train", "--bogus", "1").Exit);
        Assert.Equal(2, Run("fly").Exit);
        Assert.Contains("expected one of bce, mse", Run("train", "--data", Spector, "--label", "Label", "--model", "m.zip", "--loss", "hinge").Err);
    }

    [Fact]
    public void HelpErrorsAndCompletionComeFromSystemCommandLine()
    {
        var help = Run("train", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--missing <error|skip|mean>", help.Out);
        Assert.Contains("--dry-run", help.Out);
        // What a command cannot run without is said on its help line, not first learned from an error.
        var cvHelp = Run("cv", "--help").Out.Split('\n');
        Assert.Contains(cvHelp, line => line.TrimStart().StartsWith("--model <M.zip>", StringComparison.Ordinal) && line.Contains("(required, except with --dry-run)"));
        Assert.Contains(cvHelp, line => line.TrimStart().StartsWith("--data <FILE.csv>", StringComparison.Ordinal) && line.TrimEnd().EndsWith("(required)", StringComparison.Ordinal));
        Assert.DoesNotContain(cvHelp, line => line.TrimStart().StartsWith("--json", StringComparison.Ordinal) && line.Contains("required"));
        Assert.Contains("(required)", Run("predict", "--help").Out);
        // Every missing one is named at once; an option left without its value is named, not the words after it.
        var missing = Run("cv", "--data", Spector);
        Assert.Equal((2, "error: cv: options '--label' and '--model' are required."), (missing.Exit, missing.Err.Trim()));
        var noValue = Run("cv", "--data", "--label", "Label", "--model", "m.zip");
        Assert.Equal((2, "error: cv: no value given for '--data' (it was followed by the option '--label'). ('logreg cv --help' lists the options.)"),
            (noValue.Exit, noValue.Err.Trim()));
        var unknown = Run("stats", "--data", Spector, "--label", "Label", "--bogus", "1");
        Assert.Equal(2, unknown.Exit);
        Assert.Equal("error: stats: Unrecognized command or argument '--bogus'. ('logreg stats --help' lists the options.)", unknown.Err.Trim());
        var twice = Run("predict", "--model", "a.zip", "--model", "b.zip", "--data", Spector);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("expects a single argument but 2 were provided", twice.Err);
        var none = Run();
        Assert.Equal(2, none.Exit);
        Assert.Contains("predict", none.Out);
        // What dotnet-suggest asks for the word under the cursor (position 10 = the end of "stats --mi").
        var suggestions = Run("[suggest:10]", "stats --mi");
        Assert.Equal(0, suggestions.Exit);
        Assert.Equal("--missing", suggestions.Out.Trim());
        Assert.Equal(0, Run("stats", "--data", Spector, "--label", "Label", "--seed", "-3").Exit); // a negative value is a value
    }

    [Fact]
    public void PredictNamesMissingFeatureColumnsAndDamagedModels()
    {
        string model = Path.Combine(Folder, "m.zip");
        Assert.Equal(0, Run("train", "--data", Spector, "--label", "Label", "--model", model).Exit);
        string other = Write("other.csv", "gpa,psi\n3,1\n");
        var r = Run("predict", "--model", model, "--data", other);
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("no feature column 'tuce'", r.Err);
        string damaged = Write("damaged.zip", "not a zip");
        var d = Run("predict", "--model", damaged, "--data", Spector);
        Assert.NotEqual(0, d.Exit);
        Assert.Contains("truncated, corrupted or edited", d.Err);
    }

    [Fact]
    public void StatsPrintsTheSummaryAndWritesTheDocumentedJson()
    {
        string json = Path.Combine(Folder, "s.json");
        var r = Run("stats", "--data", Spector, "--label", "Label", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("Logit Regression Results", r.Out);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        foreach (var key in new[] { "observations", "coefficients", "log_likelihood", "null_log_likelihood", "deviance", "null_deviance", "aic", "bic", "pseudo_r_squared", "likelihood_ratio", "likelihood_ratio_p_value", "converged", "maximum_likelihood_estimate_exists", "standard_errors", "l2_regularization", "warnings" })
        {
            Assert.True(doc.TryGetProperty(key, out _), key);
        }
        var sm = ReferenceData.Spector.Json.GetProperty("mle").GetProperty("statsmodels");
        var first = doc.GetProperty("coefficients")[0];
        Assert.Equal("intercept", first.GetProperty("name").GetString());
        Assert.Equal(sm.GetProperty("bse").GetProperty("intercept").GetDouble(), first.GetProperty("standard_error").GetDouble(), 1e-5);
        foreach (var key in new[] { "estimate", "standard_error", "z", "p_value", "confidence_low", "confidence_high", "odds_ratio" })
        {
            Assert.Equal(JsonValueKind.Number, first.GetProperty(key).ValueKind);
        }
        Assert.Equal(sm.GetProperty("aic").GetDouble(), doc.GetProperty("aic").GetDouble(), 1e-5);
        Assert.Equal(0, doc.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void StatsOnSeparatedDataWarnsAndStillExitsZero()
    {
        string json = Path.Combine(Folder, "s.json");
        string csv = Path.Combine(AppContext.BaseDirectory, "Reference", "breast_cancer_wdbc.csv");
        var r = Run("stats", "--data", csv, "--label", "Label", "--json", json);
        Assert.True(r.Exit == 0, r.Err);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.False(doc.GetProperty("converged").GetBoolean());
        Assert.Contains("separation", doc.GetProperty("warnings")[0].GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("coefficients")[1].GetProperty("standard_error").ValueKind);
        var penalised = Run("stats", "--data", csv, "--label", "Label", "--l2", "1");
        Assert.Equal(0, penalised.Exit);
        Assert.Contains("penalised Hessian", penalised.Out);
    }

    [Fact]
    public void StatsNamesConstantAndDuplicatedColumns()
    {
        var lines = File.ReadAllLines(Spector);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(c => $"{c[0]},{c[1]},{c[2]},5,{c[0]},{c[3]}");
        string csv = Write("rank.csv", "gpa,tuce,psi,five,gpa2,Label\n" + string.Join("\n", rows) + "\n");
        var r = Run("stats", "--data", csv, "--label", "Label");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("'five' = 5·intercept", r.Out);
        Assert.Contains("'gpa2' = 1·'gpa'", r.Out);
        Assert.Contains("rank deficient", r.Out);
        Assert.Contains("(aliased)", r.Out);
    }

    [Fact]
    public void ProgressPrinterRewritesOneLine()
    {
        var writer = new StringWriter();
        var printer = new ProgressPrinter(writer, TimeSpan.Zero);
        printer.Report(new LogReg.Core.Optimization.IterationRecord(1, 10.5, 0.25, 1, TimeSpan.FromSeconds(0.5)));
        printer.Report(new LogReg.Core.Optimization.IterationRecord(2, 9.5, 0.125, 1, TimeSpan.FromSeconds(0.6))); // within 200 ms: skipped
        printer.Finish();
        string text = writer.ToString();
        Assert.StartsWith("\riteration      1  objective 10.5", text);
        Assert.DoesNotContain("iteration      2", text);
        Assert.EndsWith(Environment.NewLine, text);
    }
}
