using LogReg.Core.Data;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>A fit report keeps the fit's settings as values: no logger, progress sink or cancellation token of the caller's.</summary>
public class FitReportTests
{
    private sealed class Sink : IProgress<IterationRecord>
    {
        public int Reports { get; private set; }

        public void Report(IterationRecord value) => Reports++;
    }

    public static TheoryData<string> Fits => new() { "binary", "streamed", "firth", "softmax" };

    [Theory]
    [MemberData(nameof(Fits))]
    public void TheReportHoldsTheSettingsButNotTheCallbacks(string fit)
    {
        var logged = new List<LogEvent>();
        var sink = new Sink();
        using var cancellation = new CancellationTokenSource();
        var options = TrainerOptions.Default with
        {
            L2Regularization = 0.5, OptimizationTolerance = 1e-8, Log = logged.Add, Progress = sink, CancellationToken = cancellation.Token,
        };
        var data = ReferenceData.Spector.Dense();
        var report = fit switch
        {
            "binary" => LogisticRegressionTrainer.Train(data, options).Report,
            "streamed" => StreamingTraining.Train(new InMemoryBlockSource(data, 8), options).Report,
            "firth" => LogisticRegressionTrainer.Train(data, options with { L2Regularization = 0, FirthBiasReduction = true }).Report,
            _ => SoftmaxRegressionTrainer.Train(SoftmaxData.IrisSet(), options).Report,
        };
        Assert.NotEmpty(logged); // the callbacks were used during the fit …
        Assert.True(sink.Reports > 0 || fit == "firth");
        Assert.Null(report.Options.Log); // … and are not kept by its report
        Assert.Null(report.Options.Progress);
        Assert.False(report.Options.CancellationToken.CanBeCanceled);
        Assert.Equal(fit == "firth" ? 0 : 0.5, report.Options.L2Regularization);
        Assert.Equal(1e-8, report.Options.OptimizationTolerance);
        // Nor by a copy given other options.
        var copy = report with { Options = options with { L2Regularization = 2 } };
        Assert.Null(copy.Options.Log);
        Assert.Null(copy.Options.Progress);
        Assert.False(copy.Options.CancellationToken.CanBeCanceled);
        Assert.Equal(2, copy.Options.L2Regularization);
    }
}
