using System.Runtime.CompilerServices;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The regularised objective of a linear model with a sigmoid link, over parameters
/// θ = (w₀, …, w_{d−1}, b) — the weights first, the bias (intercept) last:
/// <code>
///   F(w, b) = Σᵢ sᵢ · ℓ(yᵢ, zᵢ)  +  (L2/2)·‖w‖²  +  L1·‖w‖₁,     zᵢ = w·xᵢ + b
/// </code>
/// <list type="bullet">
/// <item>A <b>sum</b> over rows, not a mean; sᵢ is the example weight (1 when absent), so a row of
/// weight 2 counts exactly like the same row twice.</item>
/// <item>ℓ is the point-wise loss <typeparamref name="TLoss"/>: binary cross-entropy
/// ln(1 + eᶻ) − y·z or squared error (σ(z) − y)².</item>
/// <item>The penalty is an <see cref="ElasticNetPenalty"/> on the d weights: the bias is never penalised.</item>
/// <item>With unit weights and L1 = 0 this is scikit-learn's LogisticRegression objective divided by
/// C, with C = 1/L2.</item>
/// </list>
/// Gradient of the smooth part f: ∂f/∂w = Σᵢ sᵢ·ℓ'(yᵢ, zᵢ)·xᵢ + L2·w, ∂f/∂b = Σᵢ sᵢ·ℓ'(yᵢ, zᵢ).
/// Hessian of f: Xᵀ·diag(sᵢ·ℓ''(yᵢ, zᵢ))·X (with the bias column of ones) + L2·I on w.
/// The L1 term is not part of f: optimizers handle it through <see cref="Penalty"/>.
/// <para>
/// Each evaluation is one pass over the rows, split into fixed chunks whose partial sums are added
/// in chunk order (bit-identical at any thread count). One instance must not be evaluated from two
/// threads at once: it owns its partial buffers, so nothing is allocated per evaluation.
/// </para>
/// </summary>
/// <typeparam name="TLoss">The point-wise loss (a struct: the row loop is specialised for it).</typeparam>
public sealed class LinearModelObjective<TLoss> : ILinearModelObjective
    where TLoss : struct, IPointwiseLoss
{
    /// <summary>Rows per block of the fused pass: a block of dense rows stays in the L1/L2 cache between its two halves.</summary>
    internal const int BlockRows = 64;

    private readonly DesignMatrix _x;
    private readonly double[] _y;
    private readonly double[]? _s;
    private readonly RowChunks _chunks;
    private readonly double[][] _partialGradients;
    private double[][]? _momentScratch;
    private readonly double[] _partialValues;
    private readonly double[] _point;
    private readonly Action<int> _chunkBody;
    private bool _wantGradient;
    private MiniBatchView<TLoss>? _samples;

    /// <summary>Creates the objective.</summary>
    /// <param name="data">Rows, labels, example weights.</param>
    /// <param name="penalty">The penalty on the weights (its <see cref="ElasticNetPenalty.PenalizedCount"/> must be d).</param>
    /// <param name="threads">Most threads one evaluation uses (results do not depend on it).</param>
    public LinearModelObjective(TrainingSet data, ElasticNetPenalty penalty, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        if (penalty.PenalizedCount != data.FeatureCount)
        {
            throw new ArgumentException(
                $"The penalty covers {penalty.PenalizedCount} coordinates but the data have {data.FeatureCount} features.", nameof(penalty));
        }
        Data = data;
        Penalty = penalty;
        _x = data.Features;
        _y = data.Labels;
        _s = data.ExampleWeights;
        _chunks = new RowChunks(data.RowCount, threads, data.FeatureCount + 1);
        _partialGradients = new double[_chunks.Count][];
        for (int c = 0; c < _chunks.Count; c++)
        {
            _partialGradients[c] = new double[Dimension];
        }
        _partialValues = new double[_chunks.Count];
        _point = new double[Dimension];
        _chunkBody = Chunk;
        double totalWeight = _s is null ? data.RowCount : _s.Sum();
        ValueScale = totalWeight > 0 && data.RowCount > 0 ? totalWeight / data.RowCount : 1.0;
    }

    /// <inheritdoc/>
    public TrainingSet Data { get; }

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <inheritdoc/>
    public int FeatureCount => Data.FeatureCount;

    /// <summary>d + 1 (weights and bias).</summary>
    public int Dimension => FeatureCount + 1;

    /// <inheritdoc/>
    public int Threads => _chunks.Threads;

    /// <summary>The mean example weight Σsᵢ/n (1 without weights, and when every weight is 0).</summary>
    public double ValueScale { get; }

    /// <inheritdoc/>
    public ISampleEstimator Samples => _samples ??= new MiniBatchView<TLoss>(Data, Penalty);

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> theta) => SmoothValue(theta) + Penalty.L1Value(theta);

    /// <summary>f(θ) = Σ sᵢℓ(yᵢ, zᵢ) + (L2/2)‖w‖².</summary>
    public double SmoothValue(ReadOnlySpan<double> theta)
    {
        Load(theta, gradient: false);
        _chunks.Run(_chunkBody);
        return Sum(_partialValues) + Penalty.SmoothValue(theta);
    }

    /// <summary>f(θ) and ∇f(θ), in one pass over the rows.</summary>
    public double SmoothValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(gradient.Length, nameof(gradient));
        Load(theta, gradient: true);
        _chunks.Run(_chunkBody);
        gradient.Slice(0, Dimension).Clear();
        for (int c = 0; c < _partialGradients.Length; c++)
        {
            VectorKernels.AddScaled(_partialGradients[c], 1.0, gradient);
        }
        Penalty.AddSmoothGradient(theta, gradient);
        return Sum(_partialValues) + Penalty.SmoothValue(theta);
    }

    /// <summary>The curvature of f at θ (exact Hessian, or Gauss–Newton).</summary>
    public ICurvature HessianAt(ReadOnlySpan<double> theta, bool gaussNewton = false)
    {
        CheckLength(theta.Length, nameof(theta));
        var curvature = new double[Data.RowCount];
        var point = theta.Slice(0, Dimension).ToArray();
        // Rows are independent here: any thread split gives the same values.
        _chunks.Run(c =>
        {
            var loss = default(TLoss);
            var (start, end) = _chunks[c];
            var wc = new ReadOnlySpan<double>(point, 0, FeatureCount);
            double bc = point[FeatureCount];
            for (int i = start; i < end; i++)
            {
                double s = _s is null ? 1.0 : _s[i];
                if (s == 0)
                {
                    continue;
                }
                double z = _x.Dot(i, wc) + bc;
                curvature[i] = s * (gaussNewton ? loss.GaussNewtonCurvature(_y[i], z) : loss.Curvature(_y[i], z));
            }
        });
        return new RowCurvature(_x, curvature, Penalty, _chunks);
    }

    /// <inheritdoc/>
    public CurvatureMoments MomentsAt(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length, nameof(theta));
        return CurvatureMoments.Compute<TLoss>(Data, _chunks, theta, _momentScratch ??= new double[2 * _chunks.Count][]);
    }

    /// <inheritdoc/>
    public double[] CurvatureDiagonalAt(ReadOnlySpan<double> theta) => MomentsAt(theta).Diagonal(Penalty.L2);

    /// <summary>
    /// The <see cref="CurvaturePreconditioner"/> at θ: the iterates of a quasi-Newton method that
    /// uses it are those on standardised features. Centred only when the penalty is smooth.
    /// </summary>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> theta) =>
        CurvaturePreconditioner.FromMoments(MomentsAt(theta), Penalty.L2, center: Penalty.IsSmooth);

    /// <inheritdoc/>
    public double[] Margins(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length, nameof(theta));
        var z = new double[Data.RowCount];
        var w = theta.Slice(0, FeatureCount);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = _x.Dot(i, w) + theta[FeatureCount];
        }
        return z;
    }

    private void Load(ReadOnlySpan<double> theta, bool gradient)
    {
        CheckLength(theta.Length, nameof(theta));
        theta.Slice(0, Dimension).CopyTo(_point);
        _wantGradient = gradient;
    }

    private void CheckLength(int length, string name)
    {
        if (length < Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} parameters (d = {FeatureCount} weights and the bias); got {length}.", name);
        }
    }

    private static double Sum(double[] partials)
    {
        double sum = 0;
        foreach (double v in partials)
        {
            sum += v;
        }
        return sum;
    }

    // One chunk of the pass, block by block: forward (zᵢ = w·xᵢ + b for the block), the loss and
    // its derivative per row (the loss's block kernel), then the block's share of Σ sᵢℓ'ᵢ·x̃ᵢ.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Chunk(int c)
    {
        var loss = default(TLoss);
        var (start, end) = _chunks[c];
        var w = new ReadOnlySpan<double>(_point, 0, FeatureCount);
        double b = _point[FeatureCount];
        bool wantGradient = _wantGradient;
        var g = _partialGradients[c].AsSpan();
        Span<double> z = stackalloc double[BlockRows];
        Span<double> coefficient = stackalloc double[BlockRows];
        Span<double> blockValues = stackalloc double[BlockRows];
        if (wantGradient)
        {
            g.Clear();
        }
        double value = 0, gb = 0;
        for (int blockStart = start; blockStart < end; blockStart += BlockRows)
        {
            int count = Math.Min(BlockRows, end - blockStart);
            _x.MultiplyRows(blockStart, count, w, b, z);
            var derivatives = coefficient.Slice(0, count);
            var values = blockValues.Slice(0, count);
            // The block kernel (vectorised exp/log) is cheaper than the loss row by row even when
            // only the values are wanted.
            loss.ValuesAndDerivatives(_y.AsSpan(blockStart, count), z.Slice(0, count), values, derivatives);
            if (!wantGradient)
            {
                for (int k = 0; k < count; k++)
                {
                    double s = _s is null ? 1.0 : _s[blockStart + k];
                    if (s != 0)
                    {
                        value += s * values[k];
                    }
                }
                continue;
            }
            for (int k = 0; k < count; k++)
            {
                double s = _s is null ? 1.0 : _s[blockStart + k];
                value += s * values[k];
                derivatives[k] *= s;
                gb += derivatives[k];
            }
            _x.AddTransposeRows(blockStart, count, derivatives, g);
        }
        if (wantGradient)
        {
            g[FeatureCount] = gb;
        }
        _partialValues[c] = value;
    }
}
