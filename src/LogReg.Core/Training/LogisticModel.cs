using LogReg.Core.Losses;
using LogReg.Core.Numerics;

namespace LogReg.Core.Training;

/// <summary>
/// A trained linear model with a sigmoid link — what scores, and nothing about how it was found
/// (that is the <see cref="FitReport"/> beside it): score z = w·x + b, probability σ(z). Immutable.
/// </summary>
public sealed class LogisticModel
{
    private readonly double[] _weights;

    /// <summary>Creates the model (the weights are copied).</summary>
    public LogisticModel(double[] weights, double bias, LossKind loss, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (featureNames is not null && featureNames.Count != weights.Length)
        {
            throw new ArgumentException($"There are {weights.Length} weights but {featureNames.Count} feature names.", nameof(featureNames));
        }
        _weights = (double[])weights.Clone();
        Bias = bias;
        Loss = loss;
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

    /// <summary>Optional feature names.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Copies the weights into a new array.</summary>
    public double[] GetWeights() => (double[])_weights.Clone();

    /// <summary>θ = (w, b) as one new array, the bias last (the objective's layout).</summary>
    public double[] ToParameters() => _weights.Append(Bias).ToArray();

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
