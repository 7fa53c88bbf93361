using LogReg.Core.Optimization;

namespace LogReg.MLNet;

/// <summary>The core's remedies worded with this trainer's ML.NET option names.</summary>
public static class RemedyWording
{
    /// <summary>"raise MaximumNumberOfIterations; standardize the features (NormalizeMeanVariance); …".</summary>
    public static string Describe(Remedy remedies) => Remedies.Describe(remedies, remedy => remedy switch
    {
        Remedy.RaiseIterationCap => "raise MaximumNumberOfIterations",
        Remedy.StandardizeFeatures => "standardize the features (NormalizeMeanVariance)",
        Remedy.UseSecondOrderOptimizer => "use Optimizer = Newton or Lbfgs",
        Remedy.RaiseL2 => "raise L2Regularization",
        Remedy.LoosenTolerance => "loosen OptimizationTolerance",
        Remedy.LowerLearningRate => "lower LearningRate",
        Remedy.UseFirth => "set FirthBiasReduction = true",
        _ => remedy.ToString(),
    });
}
