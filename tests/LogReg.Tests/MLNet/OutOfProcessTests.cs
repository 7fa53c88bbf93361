using System.Diagnostics;
using System.Globalization;
using LogReg.MLNet;
using Microsoft.ML;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>A saved model gives the same predictions in a fresh process that has only plain ML.NET.</summary>
[Trait("Category", "Slow")]
public class OutOfProcessTests
{
    [Fact]
    public void FreshProcessWithPlainMLNetGivesIdenticalPredictions()
    {
        var ml = new MLContext(seed: 1);
        var data = TestData.BreastCancer(ml);
        var model = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LogReg(new LogRegOptions { ShowTrainingStatistics = true })).Fit(data);
        string dir = Directory.CreateTempSubdirectory("logreg-oop-").FullName;
        try
        {
            string modelPath = Path.Combine(dir, "model.zip");
            string featuresPath = Path.Combine(dir, "features.csv");
            LogRegModelFile.Save(ml, model, data.Schema, modelPath); // with our details entry, which plain ML.NET must ignore
            File.WriteAllLines(featuresPath, ReferenceData.BreastCancer.Rows.Select(r => string.Join(",", r.Select(v => ((float)v).ToString("R", CultureInfo.InvariantCulture)))));

            var scored = model.Transform(data);
            var score = TestData.Column(scored, "Score");
            var probability = TestData.Column(scored, "Probability");

            string loader = SiblingOutput("PlainMLNetLoader", "PlainMLNetLoader.dll");
            var (exit, stdout, stderr) = RunDotnet(loader, modelPath, featuresPath);
            Assert.True(exit == 0, $"exit {exit}: {stderr}");
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
            var statistics = model.LastTransformer.Model.LogRegDetails()!.Statistics!;
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"# statistics {(float)statistics.Deviance:R} {statistics.ParameterCount}"), stdout);
            Assert.Equal(score.Length, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                // Each value is printed as the shortest text that parses back to the same float.
                var cells = lines[i].Split(',').Select(c => (double)float.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                Assert.True(Math.Abs(cells[0] - score[i]) <= 1e-6, $"row {i}: {cells[0]:R} vs {score[i]:R}");
                Assert.InRange(Math.Abs(cells[1] - probability[i]), 0, 1e-6);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CommandLineTrainAndPredictInSeparateProcessesAgreeWithTheLibrary()
    {
        string dir = Directory.CreateTempSubdirectory("logreg-cli-").FullName;
        try
        {
            string csv = Path.Combine(AppContext.BaseDirectory, "Reference", "spector.csv");
            string modelPath = Path.Combine(dir, "m.zip");
            string outPath = Path.Combine(dir, "p.csv");
            string cli = SiblingOutput("LogReg.Cli", "logreg.dll", projectFolder: Path.Combine("..", "src", "LogReg.Cli"));
            var train = RunDotnet(cli, "train", "--data", csv, "--label", "Label", "--model", modelPath);
            Assert.True(train.Exit == 0, train.Stderr);
            var predict = RunDotnet(cli, "predict", "--model", modelPath, "--data", csv, "--out", outPath);
            Assert.True(predict.Exit == 0, predict.Stderr);
            var lines = File.ReadAllLines(outPath);
            Assert.Equal("Score,Probability,PredictedLabel", lines[0]);

            var ml = new MLContext(seed: 0);
            var model = ml.BinaryClassification.Trainers.LogReg().Fit(TestData.Spector(ml));
            var expected = TestData.Column(model.Transform(TestData.Spector(ml)), "Score");
            Assert.Equal(expected.Length, lines.Length - 1);
            for (int i = 0; i < expected.Length; i++)
            {
                var cells = lines[i + 1].Split(',');
                Assert.InRange(Math.Abs(float.Parse(cells[0], CultureInfo.InvariantCulture) - expected[i]), 0, 1e-6);
                Assert.Equal(expected[i] > 0 ? "1" : "0", cells[2]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The output folder of a sibling project built in the same configuration as this test assembly.</summary>
    internal static string SiblingOutput(string project, string file, string? projectFolder = null)
    {
        // AppContext.BaseDirectory = …/tests/LogReg.Tests/bin/{Configuration}/net10.0/
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = baseDir.Name;
        string configuration = baseDir.Parent!.Name;
        string testsDir = baseDir.Parent!.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsDir, projectFolder ?? project, "bin", configuration, tfm, file);
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    internal static (int Exit, string Stdout, string Stderr) RunDotnet(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} did not finish in 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
