namespace LogReg.Core.Optimization;

/// <summary>
/// What a user can do about a fit that did not converge. Structured, so each front end can word it
/// with its own option names (the ML.NET adapter, the command line).
/// </summary>
[Flags]
public enum Remedy
{
    /// <summary>Nothing to do.</summary>
    None = 0,

    /// <summary>Allow more iterations.</summary>
    RaiseIterationCap = 1,

    /// <summary>Standardize the features (centre and scale each column).</summary>
    StandardizeFeatures = 2,

    /// <summary>Use a second-order optimizer (Newton or L-BFGS).</summary>
    UseSecondOrderOptimizer = 4,

    /// <summary>Raise the L2 weight.</summary>
    RaiseL2 = 8,

    /// <summary>Loosen the optimization tolerance.</summary>
    LoosenTolerance = 16,

    /// <summary>Lower the learning rate.</summary>
    LowerLearningRate = 32,

    /// <summary>Fit Firth's bias-reduced likelihood, whose estimate is finite on separated data.</summary>
    UseFirth = 64,
}
