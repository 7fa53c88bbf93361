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

    /// <summary>
    /// The same model with the intercept corrected for a sample whose positive rate ȳ differs from the
    /// population's τ (King &amp; Zeng 2001, prior correction): b − ln[((1 − τ)/τ)·(ȳ/(1 − ȳ))]. Use it
    /// after fitting on a case-control sample, or with class weights that rebalanced the classes (then
    /// ȳ is the weighted positive share, ½ for balanced weights), to get calibrated probabilities.
    /// </summary>
    public LogisticModel WithPriorCorrection(double populationPositiveRate, double samplePositiveRate)
    {
        if (!(populationPositiveRate > 0 && populationPositiveRate < 1) || !(samplePositiveRate > 0 && samplePositiveRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(populationPositiveRate), "Both rates must lie strictly between 0 and 1.");
        }
        double shift = Math.Log((1 - populationPositiveRate) / populationPositiveRate * (samplePositiveRate / (1 - samplePositiveRate)));
        return new LogisticModel(_weights, Bias - shift, Loss, FeatureNames);
    }

    /// <summary>σ(w·x + b).</summary>
    public double Probability(ReadOnlySpan<double> features) => StableMath.Sigmoid(Score(features));
}
