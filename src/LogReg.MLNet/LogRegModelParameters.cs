using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Statistics;
using LogReg.Core.Training;

namespace LogReg.MLNet;

/// <summary>
/// The learned model as seen from ML.NET: weights, bias, and the report of the fit (loss,
/// optimizer, iterations, convergence, final objective and gradient norm, per-iteration trace).
/// </summary>
public sealed class LogRegModelParameters
{
    internal LogRegModelParameters(LogisticModel model, long skippedRows, ModelStatistics? statistics = null)
    {
        Model = model;
        SkippedRows = skippedRows;
        Statistics = statistics;
    }

    /// <summary>
    /// Coefficient statistics on the training data when <see cref="LogRegOptions.ShowTrainingStatistics"/>
    /// was set, else null. <c>Statistics.Summary()</c> prints a statsmodels-style table.
    /// </summary>
    public ModelStatistics? Statistics { get; }

    /// <summary>The core model (double precision weights, fit report, scoring).</summary>
    public LogisticModel Model { get; }

    /// <summary>The weights w, one per slot of the feature vector.</summary>
    public IReadOnlyList<double> Weights => Model.Weights;

    /// <summary>The bias (intercept) b.</summary>
    public double Bias => Model.Bias;

    /// <summary>The loss that was minimised.</summary>
    public LossKind Loss => Model.Loss;

    /// <summary>The optimizer that ran (Auto resolved).</summary>
    public OptimizerKind Optimizer => Model.Optimizer;

    /// <summary>Optimizer iterations.</summary>
    public int Iterations => Model.Iterations;

    /// <summary>Whether the stopping test was met.</summary>
    public bool Converged => Model.Converged;

    /// <summary>Why the optimizer stopped.</summary>
    public TerminationReason Termination => Model.Fit.Termination;

    /// <summary>The final objective F(w, b).</summary>
    public double Objective => Model.Objective;

    /// <summary>The final ‖∇F‖∞.</summary>
    public double GradientNorm => Model.GradientNorm;

    /// <summary>One record per iteration: objective, gradient norm, step size, elapsed time.</summary>
    public IReadOnlyList<IterationRecord> Trace => Model.Fit.Trace;

    /// <summary>Training rows skipped because a feature or the weight was NaN.</summary>
    public long SkippedRows { get; }
}
