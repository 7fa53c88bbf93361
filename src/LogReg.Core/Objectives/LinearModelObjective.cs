using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;

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
/// <item>ℓ is binary cross-entropy ln(1 + eᶻ) − y·z or squared error (σ(z) − y)²
/// (see <see cref="BinaryCrossEntropyLoss"/>, <see cref="SquaredErrorOnSigmoidLoss"/>).</item>
/// <item>The bias b is never penalised.</item>
/// <item>With unit weights and L1 = 0 this is scikit-learn's LogisticRegression objective divided by
/// C, with C = 1/L2.</item>
/// </list>
/// Gradient: ∂F/∂w = Σᵢ sᵢ·ℓ'(yᵢ, zᵢ)·xᵢ + L2·w (+ L1·sign(w)), ∂F/∂b = Σᵢ sᵢ·ℓ'(yᵢ, zᵢ).
/// Hessian of the smooth part: Xᵀ·diag(sᵢ·ℓ''(yᵢ, zᵢ))·X (with the bias column of ones) + L2·I on w.
/// <para>
/// As an <see cref="IDifferentiableObjective"/>, the smooth part f is everything but the L1 term,
/// which optimizers handle themselves (<see cref="L1"/>, <see cref="L1Count"/> = d).
/// </para>
/// <para>
/// Each evaluation is one pass over the rows, split into <see cref="RowChunks"/>; one instance must
/// not be evaluated from two threads at once (it owns its partial buffers, so nothing is allocated
/// per evaluation).
/// </para>
/// </summary>
public sealed class LinearModelObjective : IStochasticObjective, IPreconditionedObjective
{
    private readonly TrainingSet _data;
    private readonly DesignMatrix _x;
    private readonly double[] _y;
    private readonly double[]? _s;
    private readonly RowChunks _chunks;
    private readonly double[][] _partialGradients;
    private readonly double[] _partialValues;
    private readonly double[] _point;
    private readonly Action<int> _chunkBody;
    private bool _wantGradient;
    private double[]? _inverseScale;
    private double[]? _centre;
    private double[][]? _partialSquares;
    private double _inverseScaleBias = 1;

    /// <summary>Creates the objective.</summary>
    /// <param name="data">Rows, labels, example weights.</param>
    /// <param name="loss">The point-wise loss.</param>
    /// <param name="l2">L2 ≥ 0.</param>
    /// <param name="l1">L1 ≥ 0.</param>
    /// <param name="threads">Most threads one evaluation uses (results do not depend on it).</param>
    public LinearModelObjective(TrainingSet data, LossKind loss, double l2 = 0.0, double l1 = 0.0, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!double.IsFinite(l2) || l2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "L2 must be a finite number ≥ 0.");
        }
        if (!double.IsFinite(l1) || l1 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l1), l1, "L1 must be a finite number ≥ 0.");
        }
        if (!Enum.IsDefined(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss.");
        }
        _data = data;
        _x = data.Features;
        _y = data.Labels;
        _s = data.ExampleWeights;
        Loss = loss;
        L2 = l2;
        L1 = l1;
        FeatureCount = data.FeatureCount;
        _chunks = new RowChunks(data.RowCount, threads);
        _partialGradients = new double[_chunks.Count][];
        for (int c = 0; c < _chunks.Count; c++)
        {
            _partialGradients[c] = new double[Dimension];
        }
        _partialValues = new double[_chunks.Count];
        _point = new double[Dimension];
        // One body serves value-only and value-and-gradient passes (Load sets which).
        _chunkBody = loss == LossKind.BinaryCrossEntropy
            ? c => Chunk<BinaryCrossEntropyLoss>(c)
            : c => Chunk<SquaredErrorOnSigmoidLoss>(c);
    }

    /// <summary>The training data.</summary>
    public TrainingSet Data => _data;

    /// <summary>The point-wise loss.</summary>
    public LossKind Loss { get; }

    /// <summary>The L2 weight.</summary>
    public double L2 { get; }

    /// <summary>The L1 weight (handled by the optimizer, not by <see cref="SmoothValue"/>).</summary>
    public double L1 { get; }

    /// <summary>d, the number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>d + 1 (weights and bias).</summary>
    public int Dimension => FeatureCount + 1;

    /// <summary>The L1 term covers the d weights, not the bias.</summary>
    public int L1Count => FeatureCount;

    /// <summary>True for binary cross-entropy.</summary>
    public bool IsConvex => Loss == LossKind.BinaryCrossEntropy;

    /// <summary>Number of rows.</summary>
    public int SampleCount => _data.RowCount;

    /// <summary>Number of threads an evaluation may use.</summary>
    public int Threads => _chunks.Threads;

    /// <summary>The full objective F(θ), L1 term included.</summary>
    public double Value(ReadOnlySpan<double> theta) => SmoothValue(theta) + L1Term(theta);

    /// <summary>F(θ) and a (sub)gradient of F in one pass: the L1 term contributes L1·sign(wⱼ) (0 at wⱼ = 0).</summary>
    public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double f = SmoothValueAndGradient(theta, gradient);
        if (L1 > 0)
        {
            for (int j = 0; j < FeatureCount; j++)
            {
                gradient[j] += L1 * Math.Sign(theta[j]);
            }
        }
        return f + L1Term(theta);
    }

    /// <summary>F(θ) without the L1 term: Σ sᵢℓ(yᵢ, zᵢ) + (L2/2)‖w‖².</summary>
    public double SmoothValue(ReadOnlySpan<double> theta)
    {
        Load(theta, gradient: false);
        _chunks.Run(_chunkBody);
        return Sum(_partialValues) + Penalty(theta);
    }

    /// <summary>The smooth part and its gradient, in one pass over the rows.</summary>
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
        VectorKernels.AddScaled(theta.Slice(0, FeatureCount), L2, gradient);
        return Sum(_partialValues) + Penalty(theta);
    }

    /// <inheritdoc />
    public double MeanValueAndGradientOnSamples(ReadOnlySpan<double> theta, ReadOnlySpan<int> samples, Span<double> gradient)
    {
        CheckLength(theta.Length, nameof(theta));
        CheckLength(gradient.Length, nameof(gradient));
        if (samples.IsEmpty)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(samples));
        }
        gradient.Slice(0, Dimension).Clear();
        var w = theta.Slice(0, FeatureCount);
        double b = theta[FeatureCount];
        double value = 0, gb = 0;
        if (Loss == LossKind.BinaryCrossEntropy)
        {
            Rows<BinaryCrossEntropyLoss>(samples, w, b, gradient, ref value, ref gb);
        }
        else
        {
            Rows<SquaredErrorOnSigmoidLoss>(samples, w, b, gradient, ref value, ref gb);
        }
        double scale = 1.0 / samples.Length;
        for (int j = 0; j < FeatureCount; j++)
        {
            gradient[j] = gradient[j] * scale + L2 / SampleCount * w[j];
        }
        gradient[FeatureCount] = gb * scale;
        return value * scale + Penalty(theta) / SampleCount;
    }

    /// <summary>
    /// The average over rows of sᵢ·κ·‖x̃ᵢ‖², plus L2/n, with κ the largest |ℓ''| of the loss: ¼ for
    /// BCE (p·q ≤ ¼), and for squared error 2·p·q·|p·q + r·(q − p)| ≤ 2·¼·(¼ + 1) = 0.625. It bounds
    /// the curvature of f/n along any row direction on average (the trace of the Hessian of f/n
    /// divided by nothing: a mini-batch averages rows, so the average, not the worst row, sets the
    /// safe step).
    /// </summary>
    public double SampleLipschitzBound()
    {
        double kappa = Loss == LossKind.BinaryCrossEntropy ? 0.25 : 0.625;
        // Σᵢ sᵢ‖xᵢ‖² as the sum over columns of Σᵢ sᵢxᵢⱼ² (touches stored values only).
        var squares = new double[FeatureCount];
        double totalWeight = 0;
        for (int i = 0; i < SampleCount; i++)
        {
            double s = _s is null ? 1.0 : _s[i];
            _x.AddScaledSquaredRow(i, s, squares);
            totalWeight += s;
        }
        double sum = totalWeight;
        foreach (double v in squares)
        {
            sum += v;
        }
        return kappa * sum / Math.Max(totalWeight, double.Epsilon) + L2 / Math.Max(1, SampleCount);
    }

    /// <summary>The curvature of the smooth part at θ (exact Hessian, or Gauss–Newton).</summary>
    public ICurvature HessianAt(ReadOnlySpan<double> theta, bool gaussNewton = false)
    {
        CheckLength(theta.Length, nameof(theta));
        var curvature = new double[SampleCount];
        var point = theta.Slice(0, Dimension).ToArray();
        // Rows are independent here: any thread split gives the same values.
        _chunks.Run(c =>
        {
            IPointwiseLoss loss = Loss == LossKind.BinaryCrossEntropy ? new BinaryCrossEntropyLoss() : new SquaredErrorOnSigmoidLoss();
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
        return new RowCurvature(_x, curvature, L2, _chunks);
    }

    /// <summary>
    /// Builds P = T·Tᵀ from the curvature cᵢ = sᵢ·ℓ''(yᵢ, zᵢ) at θ (Gauss–Newton for squared error, so
    /// cᵢ ≥ 0). T maps parameters u to θ: wⱼ = uⱼ/√hⱼ and b = u_b/√h_b − Σⱼ mⱼ·wⱼ, where
    /// mⱼ = Σ cᵢxᵢⱼ / Σ cᵢ is the curvature-weighted column mean, hⱼ = Σ cᵢ(xᵢⱼ − mⱼ)² + L2 the
    /// curvature of the centred column with its penalty, and h_b = Σ cᵢ. In u the Hessian has a unit
    /// diagonal and no bias–weight coupling, which is what makes raw, badly scaled features
    /// (breast cancer: 1e-3 … 4e3) cost tens of quasi-Newton iterations instead of thousands,
    /// without touching the data.
    /// </summary>
    public void UpdatePreconditioner(ReadOnlySpan<double> theta)
    {
        int d = FeatureCount;
        var (sum, sumSq) = CurvatureMoments(theta);
        double total = sum[d];
        var inv = _inverseScale ?? new double[d];
        var mean = _centre ?? new double[d];
        double maxH = 0;
        // Under L1 the columns are scaled but not centred: centring couples every weight to the
        // bias, and OWL-QN's orthant projection of the weights then spoils the bias part of the step.
        bool centre = L1 == 0 && total > 0;
        for (int j = 0; j < d; j++)
        {
            mean[j] = centre ? sum[j] / total : 0;
            double h = Math.Max(0, sumSq[j] - (centre ? sum[j] * sum[j] / total : 0)) + L2;
            inv[j] = h;
            maxH = Math.Max(maxH, h);
        }
        maxH = Math.Max(maxH, total);
        double floor = Math.Max(1e-12 * maxH, 1e-300);
        for (int j = 0; j < d; j++)
        {
            inv[j] = 1 / Math.Sqrt(Math.Max(inv[j], floor));
        }
        _inverseScaleBias = 1 / Math.Sqrt(Math.Max(total, floor));
        _centre = mean;
        _inverseScale = inv;
    }

    /// <summary>
    /// The curvature moments at θ in one chunked pass (added in chunk order): Σ cᵢ·xᵢ with Σ cᵢ in
    /// the last slot, and Σ cᵢ·xᵢ², where cᵢ = sᵢ·ℓ''(yᵢ, zᵢ) is the Gauss–Newton curvature of row i.
    /// </summary>
    public (double[] Sum, double[] SumOfSquares) CurvatureMoments(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length, nameof(theta));
        int d = FeatureCount;
        theta.Slice(0, Dimension).CopyTo(_point);
        if (_partialSquares is null)
        {
            _partialSquares = new double[_chunks.Count][];
            for (int c = 0; c < _chunks.Count; c++)
            {
                _partialSquares[c] = new double[d];
            }
        }
        _chunks.Run(Loss == LossKind.BinaryCrossEntropy ? c => CurvatureMoments<BinaryCrossEntropyLoss>(c) : c => CurvatureMoments<SquaredErrorOnSigmoidLoss>(c));
        var sum = new double[d + 1];
        var sumSq = new double[d];
        for (int c = 0; c < _chunks.Count; c++)
        {
            VectorKernels.AddScaled(_partialGradients[c], 1.0, sum);
            VectorKernels.AddScaled(_partialSquares[c], 1.0, sumSq);
        }
        return (sum, sumSq);
    }

    /// <summary>result = P·v with P = T·Tᵀ from <see cref="UpdatePreconditioner"/> (identity before).</summary>
    public void Precondition(ReadOnlySpan<double> v, Span<double> result)
    {
        CheckLength(v.Length, nameof(v));
        CheckLength(result.Length, nameof(result));
        int d = FeatureCount;
        if (_inverseScale is null || _centre is null)
        {
            v.Slice(0, Dimension).CopyTo(result);
            return;
        }
        var inv = _inverseScale;
        var m = _centre;
        double vb = v[d];
        // t = Tᵀ·v: t_w = (v_w − m·v_b)/√h, t_b = v_b/√h_b.  result = T·t.
        double centreDot = 0;
        for (int j = 0; j < d; j++)
        {
            double w = (v[j] - m[j] * vb) * inv[j] * inv[j];
            result[j] = w;
            centreDot += m[j] * w;
        }
        result[d] = vb * _inverseScaleBias * _inverseScaleBias - centreDot;
    }

    /// <summary>The margins zᵢ = w·xᵢ + b of every row.</summary>
    public double[] Margins(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length, nameof(theta));
        var z = new double[SampleCount];
        var w = theta.Slice(0, FeatureCount);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = _x.Dot(i, w) + theta[FeatureCount];
        }
        return z;
    }

    private double L1Term(ReadOnlySpan<double> theta) => OptimizerCommon.L1Term(this, theta);

    private double Penalty(ReadOnlySpan<double> theta)
    {
        var w = theta.Slice(0, FeatureCount);
        return 0.5 * L2 * VectorKernels.Dot(w, w);
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

    /// <summary>Rows per block of the fused pass: a block of dense rows stays in the L1/L2 cache between its two halves.</summary>
    internal const int BlockRows = 64;

    // One chunk of the fused pass, block by block: forward (zᵢ = w·xᵢ + b for the block), the loss
    // and its derivative per row, then the block's share of the gradient Σ sᵢℓ'ᵢ·x̃ᵢ.
    private void Chunk<TLoss>(int c)
        where TLoss : struct, IPointwiseLoss
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
            if (wantGradient && typeof(TLoss) == typeof(BinaryCrossEntropyLoss))
            {
                // The default loss takes the vectorised block path.
                var zs = z.Slice(0, count);
                var values = blockValues.Slice(0, count);
                var derivatives = coefficient.Slice(0, count);
                BinaryCrossEntropyLoss.ValuesAndDerivatives(_y.AsSpan(blockStart, count), zs, values, derivatives);
                for (int k = 0; k < count; k++)
                {
                    double s = _s is null ? 1.0 : _s[blockStart + k];
                    value += s * values[k];
                    derivatives[k] *= s;
                    gb += derivatives[k];
                }
                _x.AddTransposeRows(blockStart, count, derivatives, g);
                continue;
            }
            for (int k = 0; k < count; k++)
            {
                int i = blockStart + k;
                double s = _s is null ? 1.0 : _s[i];
                if (s == 0)
                {
                    coefficient[k] = 0;
                    continue;
                }
                if (!wantGradient)
                {
                    value += s * loss.Value(_y[i], z[k]);
                    continue;
                }
                value += s * loss.ValueAndDerivative(_y[i], z[k], out double d1);
                coefficient[k] = s * d1;
                gb += coefficient[k];
            }
            if (wantGradient)
            {
                _x.AddTransposeRows(blockStart, count, coefficient.Slice(0, count), g);
            }
        }
        if (wantGradient)
        {
            g[FeatureCount] = gb;
        }
        _partialValues[c] = value;
    }

    // Chunk c of the preconditioner's moments at _point: Σ cᵢx̃ᵢ and Σ cᵢxᵢ², cᵢ the Gauss–Newton curvature.
    private void CurvatureMoments<TLoss>(int c)
        where TLoss : struct, IPointwiseLoss
    {
        var loss = default(TLoss);
        var (start, end) = _chunks[c];
        var w = new ReadOnlySpan<double>(_point, 0, FeatureCount);
        double b = _point[FeatureCount];
        var sum = _partialGradients[c].AsSpan();
        var squares = _partialSquares![c].AsSpan();
        sum.Clear();
        squares.Clear();
        double total = 0;
        for (int i = start; i < end; i++)
        {
            double s = _s is null ? 1.0 : _s[i];
            if (s == 0)
            {
                continue;
            }
            double curvature = s * loss.GaussNewtonCurvature(_y[i], _x.Dot(i, w) + b);
            if (curvature > 0)
            {
                total += curvature;
                _x.AddScaledRow(i, curvature, sum);
                _x.AddScaledSquaredRow(i, curvature, squares);
            }
        }
        sum[FeatureCount] = total;
    }

    private void Rows<TLoss>(ReadOnlySpan<int> rows, ReadOnlySpan<double> w, double b, Span<double> g, ref double value, ref double gb)
        where TLoss : struct, IPointwiseLoss
    {
        var loss = default(TLoss);
        foreach (int i in rows)
        {
            double s = _s is null ? 1.0 : _s[i];
            double z = _x.Dot(i, w) + b;
            value += s * loss.ValueAndDerivative(_y[i], z, out double d1);
            double coefficient = s * d1;
            if (coefficient != 0)
            {
                _x.AddScaledRow(i, coefficient, g);
                gb += coefficient;
            }
        }
    }
}
