using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// The binary path's data in the form coordinate descent wants: columns (centred, and scaled to unit weighted variance
/// when standardising), row weights normalised to sum 1 (glmnet's scaling of the loss), labels — and the solver of one λ:
/// Newton steps whose quadratic model is minimised coordinate by coordinate.
/// </summary>
internal sealed class StandardizedProblem
{
    private readonly double[][] _columns;
    private readonly double[] _weights;
    private readonly double[] _rawWeights;
    private readonly double[] _labels;
    private readonly double[] _means;
    private readonly double[] _scales;

    private StandardizedProblem(TrainingSet source, double[][] columns, double[] weights, double[] rawWeights, double[] labels, double[] means, double[] scales)
    {
        (Source, _columns, _weights, _rawWeights, _labels, _means, _scales) = (source, columns, weights, rawWeights, labels, means, scales);
        double positive = PositiveShare(weights, labels);
        NullIntercept = Math.Log(positive / (1 - positive));
        double total = rawWeights.Sum();
        NullDeviance = -2 * total * (positive * Math.Log(positive) + (1 - positive) * Math.Log(1 - positive));
    }

    public int FeatureCount => _columns.Length;

    /// <summary>The rows as given (float features, unscaled): the covariance form's Gram kernel reads them.</summary>
    public TrainingSet Source { get; }

    /// <summary>Column j's weighted mean (subtracted).</summary>
    public double Mean(int j) => _means[j];

    /// <summary>Column j's scale (divided by; 1 when not standardising).</summary>
    public double Scale(int j) => _scales[j];

    public double NullIntercept { get; }

    public double NullDeviance { get; }

    public static StandardizedProblem Of(TrainingSet data, bool standardize)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var raw = Enumerable.Range(0, n).Select(data.WeightOf).ToArray();
        double total = raw.Sum();
        var weights = raw.Select(s => s / total).ToArray();
        double positive = PositiveShare(weights, data.Labels);
        if (!(positive > 0 && positive < 1))
        {
            throw new ArgumentException("A path needs weight on both classes.", nameof(data));
        }
        var columns = Enumerable.Range(0, d).Select(_ => new double[n]).ToArray();
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            data.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                columns[j][i] = row[j];
            }
        }
        var means = new double[d];
        var scales = new double[d];
        for (int j = 0; j < d; j++)
        {
            var x = columns[j];
            double mean = 0, variance = 0;
            for (int i = 0; i < n; i++)
            {
                mean += weights[i] * x[i];
            }
            for (int i = 0; i < n; i++)
            {
                x[i] -= mean;
                variance += weights[i] * x[i] * x[i];
            }
            double scale = standardize ? Math.Sqrt(variance) : 1;
            if (scale > 0 && variance > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    x[i] /= scale;
                }
            }
            (means[j], scales[j]) = (mean, variance > 0 ? scale : 0);
        }
        return new StandardizedProblem(data, columns, weights, raw, data.Labels, means, scales);
    }

    /// <summary>A constant column never enters (its centred values are all zero).</summary>
    public bool Varies(int j) => _scales[j] > 0;

    /// <summary>gⱼ = Σ wᵢ·x̃ᵢⱼ·(yᵢ − pᵢ): the negative gradient of the loss part at (β, b).</summary>
    public double[] Gradient(double[] beta, double intercept)
    {
        var residual = Residuals(Margins(beta, intercept), out _);
        return _columns.Select(x => Dot(x, residual)).ToArray();
    }

    public double Deviance(double[] beta, double intercept)
    {
        var eta = Margins(beta, intercept);
        var loss = new Losses.BinaryCrossEntropyLoss();
        double deviance = 0;
        for (int i = 0; i < eta.Length; i++)
        {
            deviance += 2 * _rawWeights[i] * loss.Value(_labels[i], eta[i]);
        }
        return deviance;
    }

    /// <summary>The coefficients and intercept on the features' own scale.</summary>
    public (double[] Weights, double Intercept) OriginalScale(double[] beta, double intercept)
    {
        var w = new double[beta.Length];
        double b = intercept;
        for (int j = 0; j < beta.Length; j++)
        {
            w[j] = _scales[j] > 0 ? beta[j] / _scales[j] : 0;
            b -= w[j] * _means[j];
        }
        return (w, b);
    }

    /// <summary>ηᵢ = b + x̃ᵢ·β.</summary>
    public double[] Margins(double[] beta, double intercept)
    {
        var eta = new double[_weights.Length];
        Array.Fill(eta, intercept);
        for (int j = 0; j < beta.Length; j++)
        {
            if (beta[j] != 0)
            {
                var x = _columns[j];
                for (int i = 0; i < eta.Length; i++)
                {
                    eta[i] += x[i] * beta[j];
                }
            }
        }
        return eta;
    }

    /// <summary>The working residuals wᵢ(yᵢ − pᵢ), and the curvature weights vᵢ = wᵢ·pᵢ(1 − pᵢ).</summary>
    public double[] Residuals(double[] eta, out double[] v)
    {
        var r = new double[eta.Length];
        v = new double[eta.Length];
        for (int i = 0; i < eta.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(-eta[i]));
            r[i] = _weights[i] * (_labels[i] - p);
            v[i] = _weights[i] * p * (1 - p);
        }
        return r;
    }

    private static double PositiveShare(double[] weights, double[] labels)
    {
        double positive = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            positive += weights[i] * labels[i];
        }
        return positive;
    }

    /// <summary>The standardised column j (centred; scaled when standardising).</summary>
    public double[] Column(int j) => _columns[j];

    /// <summary>How many rows.</summary>
    public int RowCount => _weights.Length;

    /// <summary>The null deviance per unit of weight: the scale of glmnet's convergence threshold.</summary>
    public double NullDeviancePerWeight => NullDeviance / _rawWeights.Sum();

    private static double Dot(double[] a, double[] b) => Numerics.VectorKernels.Dot(a, b);
}
