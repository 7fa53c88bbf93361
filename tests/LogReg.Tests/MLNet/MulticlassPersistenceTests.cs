using System.IO.Compression;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>LogRegModelFile keeps the softmax model's details (double-precision model, fit report, MNLogit table) as it keeps the binary ones.</summary>
public class MulticlassPersistenceTests
{
    private static MaximumEntropyModelParameters SoftmaxOf(ITransformer model) => Assert.Single(LogRegModelDetails.MulticlassModelsIn(model));

    [Fact]
    public void TheDetailsOfASoftmaxModelSurviveSaveAndLoadAndPlainMLNetStillLoadsTheFile()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var model = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { L2Regularization = 0, ShowTrainingStatistics = true, NumberOfThreads = 1 }))
            .Fit(data);
        var original = SoftmaxOf(model).LogRegDetails()!;
        string path = Path.Combine(Path.GetTempPath(), $"logreg-softmax-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, model, data.Schema, path);
            using (var zip = ZipFile.OpenRead(path))
            {
                Assert.NotNull(zip.GetEntry(LogRegModelFile.MulticlassDetailsEntry));
                Assert.Null(zip.GetEntry(LogRegModelFile.DetailsEntry));
            }
            var details = SoftmaxOf(LogRegModelFile.Load(new MLContext(2), path, out _)).LogRegDetails();
            Assert.NotNull(details);
            Assert.Equal(original.Model.Weights, details!.Model.Weights);
            Assert.Equal(original.Model.Biases, details.Model.Biases);
            Assert.Equal(original.Model.ClassNames, details.Model.ClassNames);
            Assert.Equal(original.RowCount, details.RowCount);
            Assert.Equal(original.Report.Optimizer, details.Report.Optimizer);
            Assert.Equal(original.Report.Optimization.Iterations, details.Report.Optimization.Iterations);
            Assert.Equal(original.Statistics!.Coefficients.SelectMany(c => c), details.Statistics!.Coefficients.SelectMany(c => c));
            Assert.Equal(original.Statistics.Summary(), details.Statistics.Summary());
            Assert.Null(SoftmaxOf(new MLContext(3).Model.Load(path, out _)).LogRegDetails()); // plain ML.NET: its own model, no details
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DetailsThatDoNotBelongToTheSoftmaxModelAreRefusedByName()
    {
        var ml = new MLContext(1);
        var data = TestData.Iris(ml);
        var model = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { NumberOfThreads = 1 }).Fit(data);
        var other = ml.MulticlassClassification.Trainers.LogReg(new LogRegMulticlassOptions { NumberOfThreads = 1, L2Regularization = 5 }).Fit(data);
        string path = Path.Combine(Path.GetTempPath(), $"logreg-softmax-{Guid.NewGuid():N}.zip");
        string otherPath = path + ".other.zip";
        try
        {
            LogRegModelFile.Save(ml, model, data.Schema, path);
            LogRegModelFile.Save(ml, other, data.Schema, otherPath);
            // Put the other model's details into this file.
            string entryText;
            using (var zip = ZipFile.OpenRead(otherPath))
            using (var reader = new StreamReader(zip.GetEntry(LogRegModelFile.MulticlassDetailsEntry)!.Open()))
            {
                entryText = reader.ReadToEnd();
            }
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            {
                zip.GetEntry(LogRegModelFile.MulticlassDetailsEntry)!.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(LogRegModelFile.MulticlassDetailsEntry).Open());
                writer.Write(entryText);
            }
            var error = Assert.Throws<InvalidDataException>(() => LogRegModelFile.Load(new MLContext(2), path, out _));
            Assert.Contains(LogRegModelFile.MulticlassDetailsEntry, error.Message);
        }
        finally
        {
            File.Delete(path);
            File.Delete(otherPath);
        }
    }
}
