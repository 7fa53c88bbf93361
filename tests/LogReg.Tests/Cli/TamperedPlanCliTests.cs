using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>A model file from a stranger: its column plan (LogReg/Columns.json) is checked before predict builds anything from it.</summary>
public sealed class TamperedPlanCliTests : CliRun
{
    private const string Csv = "x,colour,y\n1.5,red,1\n2,blue,0\n0.5,red,1\n3,blue,0\n1,green,1\n2.5,green,0\n";

    // A model trained here, its plan rewritten by edit, and predict's answer on the training file.
    private (int Exit, string Out, string Err) PredictWith(Func<JsonNode, string> edit)
    {
        string data = Path.Combine(Folder, "d.csv");
        File.WriteAllText(data, Csv);
        string model = Path.Combine(Folder, $"{Guid.NewGuid():N}.zip");
        Assert.Equal(0, Run("train", "--data", data, "--label", "y", "--model", model).Exit);
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("LogReg/Columns.json")!;
            JsonNode plan;
            using (var reader = entry.Open())
            {
                plan = JsonNode.Parse(reader)!;
            }
            entry.Delete();
            using var writer = zip.CreateEntry("LogReg/Columns.json").Open();
            writer.Write(Encoding.UTF8.GetBytes(edit(plan)));
        }
        return Run("predict", "--model", model, "--data", data);
    }

    [Fact]
    public void APlanRepeatingItsFeaturesIsRefusedBeforeTheyAreBuilt()
    {
        var run = PredictWith(plan =>
        {
            string feature = plan["Plan"]!["Features"]![0]!.ToJsonString();
            var json = plan.ToJsonString();
            string features = "[" + string.Join(",", Enumerable.Repeat(feature, 300_000)) + "]";
            return json.Replace(plan["Plan"]!["Features"]!.ToJsonString(), features, StringComparison.Ordinal);
        });
        Assert.Equal(1, run.Exit);
        Assert.Contains("names 300,000 feature columns; the model reads 3 columns", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("Plan", "a field is missing or null")]
    [InlineData("Classes", "a field is missing or null")]
    [InlineData("Duplicate", "it names column 'x' twice")]
    [InlineData("Role", "its column 'colour' (Numeric) is not a Single input column of the saved pipeline")]
    [InlineData("Reference", "categorical column 'colour' has no levels, a level twice, or a reference that is not one of them")]
    [InlineData("NullFeature", "a feature is null, unnamed or of an unknown role")]
    [InlineData("Missing", "its missing-value policy is not one of error, skip, mean")]
    [InlineData("Label", "its feature 'y' is also its label, weight or ID column")]
    [InlineData("Levels", "it describes 2 feature slots; the saved pipeline makes 3")]
    [InlineData("DuplicateLevel", "has no levels, a level twice, or a reference")]
    [InlineData("Classes3", "it names 3 classes; the model scores 2")]
    [InlineData("LongName", "is not a Single input column of the saved pipeline")]
    [InlineData("Absent", "it describes 2 feature slots; the saved pipeline makes 3")]
    public void NullsDuplicatesAndWrongTypesAreOneLineExitOne(string tamper, string expected)
    {
        var run = PredictWith(plan =>
        {
            var features = plan["Plan"]!["Features"]!.AsArray();
            switch (tamper)
            {
                case "Plan": plan["Plan"] = null; break;
                case "Classes": plan["Classes"] = null; break;
                case "Duplicate": features.Add(features[0]!.DeepClone()); break;
                case "Role": features[1]!["Role"] = "Numeric"; break;
                case "Reference": features[1]!["Reference"] = "purple"; break;
                case "NullFeature": features.Add(null); break;
                case "Missing": plan["Plan"]!["Missing"] = 7; break;
                case "Label": features.Add(new JsonObject { ["Name"] = "y", ["Role"] = "Numeric" }); break;
                case "Levels": features[1]!["Levels"] = new JsonArray("blue", "red"); features[1]!["Reference"] = "blue"; break;
                case "DuplicateLevel": features[1]!["Levels"]!.AsArray().Add("red"); break;
                case "Classes3": plan["Classes"]!.AsArray().Add("2"); break;
                case "LongName": features[0]!["Name"] = new string('x', 100_000); break;
                case "Absent": features.RemoveAt(0); break;
            }
            return plan.ToJsonString();
        });
        Assert.Equal(1, run.Exit);
        Assert.True(run.Err.Contains(expected, StringComparison.Ordinal), run.Err);
        Assert.Contains("retrain with 'logreg train'", run.Err);
        Assert.True(run.Err.Length < 1000, "a stranger's long name is not echoed whole");
        Assert.DoesNotContain("internal error", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }
}
