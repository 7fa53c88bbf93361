using System.Text.Json;
using LogReg.Cli;
using LogReg.Core.Training;
using LogReg.MLNet;
using Microsoft.ML;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>One options pipeline: defaults from the core, the float hop undone, one validation.</summary>
public sealed class OptionsPipelineTests : CliRun
{
    [Fact]
    public void FloatOptionsStandForTheDecimalTyped()
    {
        var o = new LogRegOptions { L2Regularization = 0.1f, L1Regularization = 0.3f, OptimizationTolerance = 1e-9f, LearningRate = 0.05f };
        Assert.Equal(0.1, o.Core.L2Regularization);
        Assert.Equal(0.3, o.Core.L1Regularization);
        Assert.Equal(1e-9, o.Core.OptimizationTolerance);
        Assert.Equal(0.05, o.Core.LearningRate);
        Assert.Equal(0.1f, o.L2Regularization);
        Assert.Equal(1.0000000149011612e-1, (double)0.1f); // what the hop used to fit
    }

    [Fact]
    public void DefaultsComeFromTheCoreOptions()
    {
        var o = new LogRegOptions();
        var core = TrainerOptions.Default;
        Assert.Equal(core, o.Core);
        Assert.Equal((float)core.L2Regularization, o.L2Regularization);
        Assert.Equal((float)core.OptimizationTolerance, o.OptimizationTolerance);
        Assert.Equal(core.HistorySize, o.HistorySize);
        Assert.Equal(core.BatchSize, o.BatchSize);
    }

    [Theory]
    [InlineData(1e-50)]
    [InlineData(1e300)]
    public void AValueAFloatCannotHoldIsRefusedWithThatReason(double l2)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogRegOptions.FromTrainerOptions(new TrainerOptions { L2Regularization = l2 }));
        Assert.Equal("L2Regularization", e.ParamName);
        Assert.Contains("cannot hold", e.Message);
        Assert.Equal(0.25, LogRegOptions.FromTrainerOptions(new TrainerOptions { L2Regularization = 0.25 }).Core.L2Regularization);
    }

    [Fact]
    public void InvalidOptionsAreRefusedByTheCoreValidationWithTheOptionName()
    {
        var t = new MLContext().BinaryClassification.Trainers;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t.LogReg(new LogRegOptions { L2Regularization = -1 }));
        Assert.Equal("L2Regularization is -1; expected a finite number ≥ 0.", e.Message.Split(" (Parameter")[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { HistorySize = 0 }.Validate());
    }

    [Fact]
    public void TrainAndStatsFitTheL2TheUserTyped()
    {
        string spector = Path.Combine(AppContext.BaseDirectory, "Reference", "spector.csv");
        string trainJson = Path.Combine(Folder, "train.json");
        string statsJson = Path.Combine(Folder, "stats.json");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.True(CommandLine.Run(new[] { "train", "--data", spector, "--label", "Label", "--model", Path.Combine(Folder, "m.zip"), "--l2", "0.1", "--json", trainJson }, output, error) == 0, error.ToString());
        Assert.True(CommandLine.Run(new[] { "stats", "--data", spector, "--label", "Label", "--l2", "0.1", "--json", statsJson }, output, error) == 0, error.ToString());
        Assert.Equal(0.1, JsonDocument.Parse(File.ReadAllText(trainJson)).RootElement.GetProperty("l2").GetDouble());
        Assert.Equal(0.1, JsonDocument.Parse(File.ReadAllText(statsJson)).RootElement.GetProperty("l2_regularization").GetDouble());
        var train = JsonDocument.Parse(File.ReadAllText(trainJson)).RootElement;
        var stats = JsonDocument.Parse(File.ReadAllText(statsJson)).RootElement;
        // The same fit: stats' coefficients (intercept first) are train's weights and bias to the tolerance.
        double statsIntercept = stats.GetProperty("coefficients")[0].GetProperty("estimate").GetDouble();
        Assert.Equal(train.GetProperty("bias").GetDouble(), statsIntercept, 1e-5);
    }
}
