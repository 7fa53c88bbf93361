using System.IO.Compression;
using System.Text.Json.Nodes;
using LogReg.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// A model file whose saved cross-validation was edited is refused in one line when read back, not read as garbage or
/// as a later error (an outside tester's edits had loaded: a doubled coefficient, a feature index out of range, a rule
/// index past the path, the chosen point's coefficients removed); a class index outside the classes is refused.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SavedCrossValidationCheckTests
{
    [Fact]
    public void EditedCrossValidationDetailsAreRefusedInOneLine()
    {
        var ml = new MLContext(1);
        var data = TestData.BreastCancer(ml);
        var model = ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 5, LambdaCount = 20, Seed = 2 }).Fit(data);
        string saved = Path.Combine(Path.GetTempPath(), $"logregcv-edit-{Guid.NewGuid():N}.zip");
        var edited = new List<string>();
        try
        {
            LogRegModelFile.Save(ml, model, data.Schema, saved);
            int chosen = model.Model.SubModel.LogRegDetails()!.CrossValidation!.ChosenIndex;
            Assert.NotNull(LogRegModelFile.Load(new MLContext(2), saved, out _));
            string Refusal(Action<JsonNode> edit)
            {
                string copy = Path.Combine(Path.GetTempPath(), $"logregcv-edit-{Guid.NewGuid():N}.zip");
                edited.Add(copy);
                File.Copy(saved, copy);
                using (var zip = ZipFile.Open(copy, ZipArchiveMode.Update))
                {
                    var entry = zip.GetEntry(LogRegModelFile.DetailsEntry)!;
                    JsonNode root;
                    using (var reader = new StreamReader(entry.Open()))
                    {
                        root = JsonNode.Parse(reader.ReadToEnd())!;
                    }
                    edit(root[0]!["CrossValidation"]!);
                    entry.Delete();
                    using var writer = new StreamWriter(zip.CreateEntry(LogRegModelFile.DetailsEntry).Open());
                    writer.Write(root.ToJsonString());
                }
                var error = Assert.Throws<InvalidDataException>(() => LogRegModelFile.Load(new MLContext(3), copy, out _));
                Assert.DoesNotContain('\n', error.Message);
                return error.Message;
            }
            JsonNode Coefficients(JsonNode cv) => cv["Path"]!["Coefficients"]!;
            Assert.Contains("do not agree with themselves or with their model", Refusal(cv =>
                Coefficients(cv)["Values"]![chosen]![0] = Coefficients(cv)["Values"]![chosen]![0]!.GetValue<double>() * 2));
            Assert.Contains("do not agree", Refusal(cv => (Coefficients(cv)["Features"]![chosen], Coefficients(cv)["Values"]![chosen]) = (null, null)));
            Assert.Contains("do not agree", Refusal(cv => cv["MinimumIndex"] = 25));
            Assert.Contains("not increasing within 0 … 29", Refusal(cv => Coefficients(cv)["Features"]![chosen]![0] = 99999));
            Assert.Contains("do not pair up", Refusal(cv => Coefficients(cv)["Features"]![chosen] = null));
            Assert.Contains("not a readable model file", Refusal(cv => cv["Path"] = null));
        }
        finally
        {
            File.Delete(saved);
            edited.ForEach(File.Delete);
        }
    }

    [Fact]
    public void AClassOutsideTheClassesIsRefused()
    {
        var ml = new MLContext(1);
        var cv = ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 3, LambdaCount = 10, Seed = 3 })
            .FitWithReport(TestData.Iris(ml)).Model.CrossValidation!;
        Assert.Throws<ArgumentOutOfRangeException>(() => cv.Path.Coefficients.NonZeroAt(5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => cv.Path.Coefficients.NonZeroAt(5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cv.Path.Coefficients.NonZeroAt(cv.Path.Lambdas.Count, 0));
        Assert.Equal(cv.Path.Coefficients[5][2].Count(w => w != 0), cv.Path.Coefficients.NonZeroAt(5, 2).Features.Count);
    }
}
