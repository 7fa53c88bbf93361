using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// A trained linear model with a sigmoid link — immutable: score z = w·x + b, probability σ(z) —
/// together with the report of the fit that produced it.
/// </summary>
public sealed class LogisticModel
{
    private readonly double[] _weights;

    public LogisticModel(
        double[] weights, double bias, LossKind loss, OptimizerKind optimizer, double l2, double l1,
        OptimizationResult fit, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(fit);
        _weights = (double[])weights.Clone();
        Bias = bias;
        Loss = loss;
        Optimizer = optimizer;
        L2Regularization = l2;
        L1Regularization = l1;
        Fit = fit;
        FeatureNames = featureNames;
    }

    /// <summary>The weights w (one per feature).</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias (intercept) b.</summary>
    public double Bias { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount => _weights.Length;

    /// <summary>The loss the model was fitted with.</summary>
    public LossKind Loss { get; }

    /// <summary>The optimizer that actually ran (never <see cref="OptimizerKind.Auto"/>).</summary>
    public OptimizerKind Optimizer { get; }

    /// <summary>L2 weight of the fit.</summary>
    public double L2Regularization { get; }

    /// <summary>L1 weight of the fit.</summary>
    public double L1Regularization { get; }

    /// <summary>The optimizer's report: objective, gradient norm, iterations, convergence, trace.</summary>
    public OptimizationResult Fit { get; }

    /// <summary>Iterations the optimizer ran.</summary>
    public int Iterations => Fit.Iterations;

    /// <summary>Whether the optimizer's stopping test was met.</summary>
    public bool Converged => Fit.Converged;

    /// <summary>The final objective F(w, b).</summary>
    public double Objective => Fit.Objective;

    /// <summary>The final ‖∇F‖∞.</summary>
    public double GradientNorm => Fit.GradientNorm;

    /// <summary>Optional feature names.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Copies the weights into a new array.</summary>
    public double[] GetWeights() => (double[])_weights.Clone();

    /// <summary>z = w·x + b.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        if (features.Length != _weights.Length)
        {
            throw new ArgumentException($"The model expects {_weights.Length} features; got {features.Length}.", nameof(features));
        }
        return VectorKernels.Dot(features, _weights) + Bias;
    }

    /// <summary>σ(w·x + b).</summary>
    public double Probability(ReadOnlySpan<double> features) => StableMath.Sigmoid(Score(features));
}
