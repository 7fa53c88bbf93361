using LogReg.Core.Numerics;

namespace LogReg.Core.Training;

/// <summary>
/// A multinomial logistic model: K weight vectors Wₖ and biases bₖ; the class probabilities of a row
/// x are softmax(W·x + b). Weights are held row-major (class k's d weights at k·d).
/// </summary>
public sealed class SoftmaxModel
{
    private readonly double[] _weights;
    private readonly double[] _biases;

    /// <summary>Creates a model from K·d weights (class-major) and K biases.</summary>
    public SoftmaxModel(double[] weights, double[] biases, IReadOnlyList<string> classNames, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(classNames);
        if (biases.Length < 2 || weights.Length % biases.Length != 0)
        {
            throw new ArgumentException($"{weights.Length} weights and {biases.Length} biases do not make K ≥ 2 classes of d weights each.", nameof(weights));
        }
        if (classNames.Count != biases.Length)
        {
            throw new ArgumentException($"There are {biases.Length} classes but {classNames.Count} class names.", nameof(classNames));
        }
        int d = weights.Length / biases.Length;
        if (featureNames is not null && featureNames.Count != d)
        {
            throw new ArgumentException($"There are {d} features but {featureNames.Count} feature names.", nameof(featureNames));
        }
        _weights = (double[])weights.Clone();
        _biases = (double[])biases.Clone();
        ClassNames = classNames;
        FeatureNames = featureNames;
    }

    /// <summary>K.</summary>
    public int ClassCount => _biases.Length;

    /// <summary>d.</summary>
    public int FeatureCount => _weights.Length / _biases.Length;

    /// <summary>All K·d weights, class k's at k·d … k·d + d − 1.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The K biases.</summary>
    public IReadOnlyList<double> Biases => _biases;

    /// <summary>Class names, one per class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Feature names, or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>The d weights of class k.</summary>
    public ReadOnlySpan<double> WeightsOf(int k) => _weights.AsSpan(k * FeatureCount, FeatureCount);

    /// <summary>θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}), the objective's layout (e.g. for a warm start).</summary>
    public double[] ToParameters() => _weights.Concat(_biases).ToArray();

    /// <summary>zₖ = Wₖ·x + bₖ for every class.</summary>
    public double[] Scores(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"The model expects {FeatureCount} features; got {features.Length}.", nameof(features));
        }
        var z = new double[ClassCount];
        for (int k = 0; k < z.Length; k++)
        {
            z[k] = VectorKernels.Dot(features, WeightsOf(k)) + _biases[k];
        }
        return z;
    }

    /// <summary>softmax(W·x + b).</summary>
    public double[] Probabilities(ReadOnlySpan<double> features)
    {
        var z = Scores(features);
        Softmax.InPlace(z);
        return z;
    }

    /// <summary>The index of the most probable class (the first on ties).</summary>
    public int Predict(ReadOnlySpan<double> features)
    {
        var z = Scores(features);
        int best = 0;
        for (int k = 1; k < z.Length; k++)
        {
            if (z[k] > z[best])
            {
                best = k;
            }
        }
        return best;
    }
}
