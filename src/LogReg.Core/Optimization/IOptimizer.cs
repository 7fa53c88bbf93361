namespace LogReg.Core.Optimization;

/// <summary>Minimises an objective from a starting point.</summary>
public interface IOptimizer
{
    /// <summary>A short name for reports and the command line ("lbfgs", "newton", …).</summary>
    string Name { get; }

    /// <summary>The iteration cap when <see cref="OptimizerSettings.MaximumNumberOfIterations"/> is null.</summary>
    int DefaultIterationCap { get; }

    /// <summary>Minimises <paramref name="objective"/> starting from <paramref name="start"/> (not modified).</summary>
    OptimizationResult Minimize(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings);
}
