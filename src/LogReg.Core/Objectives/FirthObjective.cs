using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// Firth's penalised likelihood as an objective for the optimizer loop: F(θ) = −ℓ*(θ) = −ℓ(θ) − ½·ln|I(θ)|, I = X̃ᵀWX̃
/// (W = diag sᵢpᵢ(1 − pᵢ), X̃ = [X 1]), whose gradient is minus the modified score U*(θ) = Σ [sᵢ(yᵢ − pᵢ) + hᵢ(½ − pᵢ)]·x̃ᵢ
/// (hᵢ the diagonal of the weighted hat matrix) and whose curvature the optimizer is given as I(θ) — so Newton's step
/// is Firth's own, I⁻¹U*. θ = weights then bias, as every objective here. Dense: one k×k factorisation per evaluation
/// (the last point's is kept for the curvature and the covariance). A point where I is singular has value +∞.
/// </summary>
internal sealed class FirthObjective : IDifferentiableObjective
{
    private readonly TrainingSet _data;
    private readonly double[][] _rows; // (x, 1): the bias last, as θ
    private Evaluation? _last;

    public FirthObjective(TrainingSet data)
    {
        _data = data;
        _rows = new double[data.RowCount][];
        for (int i = 0; i < _rows.Length; i++)
        {
            _rows[i] = new double[data.FeatureCount + 1];
            data.Features.CopyRow(i, _rows[i].AsSpan(0, data.FeatureCount));
            _rows[i][data.FeatureCount] = 1;
        }
        Dimension = data.FeatureCount + 1;
        Penalty = new ElasticNetPenalty(0, 0, data.FeatureCount);
    }

    /// <summary>The objective at one point: ℓ, ℓ* (−∞ where I is singular), U*, and I's Cholesky factor.</summary>
    public sealed record Evaluation(double[] Theta, double LogLikelihood, double Penalized, double[] Score, double[]? Factor);

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <summary>
    /// ℓ* is resolved to about 1e-12 relative (a log-determinant of an ill-conditioned I), and I is not ℓ*'s Hessian, so
    /// the last steps change F below double rounding while the modified score still shrinks: they are taken within
    /// 1e-12, as Firth's own iteration (and brglm2's) does.
    /// </summary>
    public double ValueResolution => 1e-12;

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x) => -At(x).Penalized;

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var at = At(x);
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = -at.Score[j];
        }
        return -at.Penalized;
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false)
    {
        var factor = At(x).Factor ?? throw new InvalidOperationException("Firth's information matrix is singular at this point.");
        int k = Dimension;
        var information = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                for (int c = 0; c <= b; c++)
                {
                    sum += factor[a * k + c] * factor[b * k + c];
                }
                information[a * k + b] = information[b * k + a] = sum;
            }
        }
        return new DenseCurvature(information, k);
    }

    /// <summary>The evaluation at <paramref name="x"/> (kept from the last call when x is the last point).</summary>
    public Evaluation At(ReadOnlySpan<double> x)
    {
        if (_last is { } last && x.SequenceEqual(last.Theta))
        {
            return last;
        }
        return _last = Evaluate(x.ToArray());
    }

    private Evaluation Evaluate(double[] theta)
    {
        int k = theta.Length;
        var information = new double[k * k];
        var p = new double[_rows.Length];
        double logLikelihood = 0;
        for (int i = 0; i < _rows.Length; i++)
        {
            double s = _data.WeightOf(i);
            double z = VectorKernels.Dot(_rows[i], theta);
            p[i] = StableMath.Sigmoid(z);
            logLikelihood += s * (_data.Labels[i] == 1.0 ? StableMath.LogSigmoid(z) : StableMath.LogSigmoid(-z));
            double w = s * p[i] * (1 - p[i]);
            for (int a = 0; a < k; a++)
            {
                VectorKernels.AddScaled(_rows[i], w * _rows[i][a], information.AsSpan(a * k, k));
            }
        }
        var factor = DenseLinearAlgebra.Cholesky(information, k);
        var score = new double[k];
        if (factor is null)
        {
            return new Evaluation(theta, logLikelihood, double.NegativeInfinity, score, null);
        }
        double logDeterminant = 0;
        for (int j = 0; j < k; j++)
        {
            logDeterminant += 2 * Math.Log(factor[j * k + j]);
        }
        var solved = new double[k];
        for (int i = 0; i < _rows.Length; i++)
        {
            double s = _data.WeightOf(i);
            _rows[i].CopyTo(solved, 0);
            DenseLinearAlgebra.CholeskySolve(factor, k, solved);
            double hat = s * p[i] * (1 - p[i]) * VectorKernels.Dot(_rows[i], solved);
            VectorKernels.AddScaled(_rows[i], s * (_data.Labels[i] - p[i]) + hat * (0.5 - p[i]), score);
        }
        return new Evaluation(theta, logLikelihood, logLikelihood + 0.5 * logDeterminant, score, factor);
    }
}
