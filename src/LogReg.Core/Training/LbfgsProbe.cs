using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Auto on a small problem with more than a few features (see <see cref="OptimizerCatalog.ProbesLbfgsFirst"/>):
/// L-BFGS for at most <see cref="OptimizerCatalog.AutoLbfgsProbeIterations"/> iterations — enough on
/// well-conditioned data, where it beats Newton — and, when that has not converged, Newton from where it
/// stopped (a few steps: the conditioning the shape does not show is what slowed L-BFGS). The result
/// counts both phases: iterations, passes and trace add up, the report names Newton when it ran.
/// </summary>
internal static class LbfgsProbe
{
    public static (OptimizerKind Kind, OptimizationResult Result) Minimize(IDifferentiableObjective objective, double[] start, TrainerOptions options)
    {
        var probe = new LbfgsOptimizer().Minimize(objective, start, options with { MaximumNumberOfIterations = OptimizerCatalog.AutoLbfgsProbeIterations });
        if (probe.Converged || probe.Termination != TerminationReason.MaximumIterations)
        {
            return (OptimizerKind.Lbfgs, probe);
        }
        int offset = probe.Iterations;
        var progress = options.Progress is null ? null : new Offset(options.Progress, offset);
        var newton = new NewtonOptimizer().Minimize(objective, probe.Minimizer, options with { Progress = progress });
        var e1 = probe.Evaluations;
        var e2 = newton.Evaluations;
        var counts = new EvaluationCounts(e1.Values + e2.Values, e1.Gradients + e2.Gradients, e1.HessianBuilds + e2.HessianBuilds,
            e1.HessianVectorProducts + e2.HessianVectorProducts, e1.PreconditionerPasses + e2.PreconditionerPasses);
        var trace = probe.Trace.Concat(newton.Trace.Select(r => r with { Iteration = r.Iteration + offset })).ToArray();
        return (OptimizerKind.Newton, newton with
        {
            Iterations = offset + newton.Iterations,
            Evaluations = counts,
            Trace = trace,
            Message = $"{newton.Message} (after {offset} L-BFGS iterations that had not converged)",
        });
    }

    // Newton's iterations continue the probe's numbering in progress reports.
    private sealed class Offset(IProgress<IterationRecord> inner, int offset) : IProgress<IterationRecord>
    {
        public void Report(IterationRecord value) => inner.Report(value with { Iteration = value.Iteration + offset });
    }
}
