using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// Multinomial logistic regression: the softmax cross-entropy over K classes,
/// <code>
///   F(W, b) = Σᵢ sᵢ·[logsumexp(zᵢ) − z_{i,yᵢ}]  +  (L2/2)·‖W‖²  +  L1·‖W‖₁,     zᵢ = W·xᵢ + b
/// </code>
/// over θ = (W₀, …, W_{K−1}, b₀, …, b_{K−1}) (each Wₖ the d weights of class k; the K biases last,
/// never penalised). With pᵢ = softmax(zᵢ) the gradient is ∂f/∂Wₖ = Σᵢ sᵢ(p_{ik} − [yᵢ = k])·xᵢ + L2·Wₖ,
/// ∂f/∂bₖ = Σᵢ sᵢ(p_{ik} − [yᵢ = k]); the Hessian is Σᵢ sᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + L2 on W,
/// positive semi-definite (flat along "add the same vector to every class"; L2 removes that for W,
/// not for b, so minimisers differ only by a common shift of the biases, which changes no
/// probability). K = 2 is binary logistic regression in z₁ − z₀ (with L2 halved, since
/// ‖W₀‖² + ‖W₁‖² = ½‖W₁ − W₀‖² at the optimum, where W₀ = −W₁).
/// <para>
/// Each evaluation is one pass over the rows in fixed chunks whose partial sums are added in chunk
/// order: the same bits at any thread count. One instance must not be evaluated from two threads at once.
/// </para>
/// </summary>
public sealed class SoftmaxObjective : IPreconditionedObjective
{
    private readonly MulticlassTrainingSet _data;
    private readonly RowChunks _chunks;
    private readonly double[] _partialValues;
    private readonly SoftmaxPassBuffers _buffers;
    private readonly Action<int> _chunkBody;
    private readonly SoftmaxZeroWeights _zeroWeights;
    private bool _wantGradient;
    private double[]? _passProbabilities;
    private double[]? _diagonal;
    private double[] _diagonalPoint = Array.Empty<double>();

    /// <summary>Creates the objective.</summary>
    /// <param name="data">Rows, class indices, example weights.</param>
    /// <param name="l2">L2 ≥ 0 on the weights.</param>
    /// <param name="l1">L1 ≥ 0 on the weights (handled by OWL-QN).</param>
    /// <param name="threads">Most threads one evaluation uses (results do not depend on it).</param>
    /// <param name="nonNegative">Constrain every weight to ≥ 0.</param>
    public SoftmaxObjective(MulticlassTrainingSet data, double l2, double l1 = 0, int threads = 1, bool nonNegative = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Classes = data.ClassCount;
        FeatureCount = data.FeatureCount;
        Penalty = new ElasticNetPenalty(l2, l1, Classes * FeatureCount, nonNegative);
        _chunks = new RowChunks(data.RowCount, threads, SoftmaxBlocks.PartialLengthFor(Classes, FeatureCount));
        _buffers = new SoftmaxPassBuffers(data.Features, Classes, _chunks);
        _partialValues = new double[_chunks.Count];
        _chunkBody = Chunk;
        _zeroWeights = new SoftmaxZeroWeights(data);
        var s = data.ExampleWeights;
        double total = s is null ? data.RowCount : s.Sum();
        ValueScale = total > 0 && data.RowCount > 0 ? total / data.RowCount : 1.0;
    }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <summary>d.</summary>
    public int FeatureCount { get; }

    /// <summary>K·(d + 1).</summary>
    public int Dimension => Classes * (FeatureCount + 1);

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <summary>The mean example weight.</summary>
    public double ValueScale { get; }

    /// <summary>Threads one evaluation uses.</summary>
    public int Threads => _chunks.Threads;

    /// <summary>F(θ), including the L1 term.</summary>
    public double Value(ReadOnlySpan<double> theta) => SmoothValue(theta) + Penalty.L1Value(theta);

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> theta)
    {
        Check(theta.Length, nameof(theta));
        if (_zeroWeights.AppliesAt(theta))
        {
            _buffers.ProbabilitiesForPass();
            return _zeroWeights.ValueAndGradient(theta, default) + Penalty.SmoothValue(theta);
        }
        Load(theta, gradient: false);
        _chunks.Run(_chunkBody);
        _buffers.ProbabilitiesWrittenAt(theta);
        return _partialValues.Sum() + Penalty.SmoothValue(theta);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Check(gradient.Length, nameof(gradient));
        Check(theta.Length, nameof(theta));
        if (_zeroWeights.AppliesAt(theta))
        {
            // No pass: the rows' probabilities are all softmax(b) and not kept (a curvature here fills them in).
            _buffers.ProbabilitiesForPass();
            double value = _zeroWeights.ValueAndGradient(theta, gradient);
            Penalty.AddSmoothGradient(theta, gradient);
            return value + Penalty.SmoothValue(theta);
        }
        Load(theta, gradient: true);
        _chunks.Run(_chunkBody);
        _buffers.ProbabilitiesWrittenAt(theta);
        _buffers.Blocks.Finish(_buffers.Partials, gradient);
        Penalty.AddSmoothGradient(theta, gradient);
        return _partialValues.Sum() + Penalty.SmoothValue(theta);
    }

    /// <summary>The Hessian of f at θ (for the softmax cross-entropy it equals the Gauss–Newton matrix).</summary>
    public ICurvature HessianAt(ReadOnlySpan<double> theta, bool gaussNewton = false)
    {
        Check(theta.Length, nameof(theta));
        var (lent, lease) = _buffers.LendProbabilitiesAt(theta);
        return new SoftmaxCurvature(_data, lent ?? PaddedProbabilities(theta), lent is null ? null : lease, Penalty, _chunks, _buffers);
    }

    /// <summary>
    /// P at θ for L-BFGS and OWL-QN, which start each memory from γ·P: per class, the binary model's centred-diagonal
    /// preconditioner (<see cref="SoftmaxCenteredPreconditioner"/>) from the diagonal (<see cref="SoftmaxDiagonal"/>) and the
    /// curvature-weighted column sums (one more transposed half); under L1 or non-negativity the diagonal alone, since
    /// OWL-QN's orthants need one scale per coordinate. Without the centring, raw
    /// columns far from zero (mlbench's waveform, DNA, Letter, Vowel) left each weight coupled to its class's bias and
    /// L-BFGS took 250 to over 1,000 iterations where it now takes 70–330.
    /// </summary>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> theta)
    {
        Check(theta.Length, nameof(theta));
        var diagonal = CachedCurvatureDiagonalAt(theta);
        if (!Penalty.IsSmooth)
        {
            // OWL-QN's orthants need one scale per coordinate.
            return new DiagonalPreconditioner(diagonal);
        }
        return SoftmaxCenteredPreconditioner.From(diagonal, CurvatureColumnSumsAt(theta), Classes, _data.FeatureCount, Penalty.L2);
    }

    /// <summary>Σᵢ cᵢₖ·xᵢⱼ with cᵢₖ = sᵢ·p_{ik}(1 − p_{ik}) at θ, in θ's layout (the biases' entries Σᵢ cᵢₖ): one transposed half.</summary>
    internal double[] CurvatureColumnSumsAt(ReadOnlySpan<double> theta)
    {
        Check(theta.Length, nameof(theta));
        return _zeroWeights.AppliesAt(theta)
            ? _zeroWeights.CurvatureSums(theta, 0, squared: false)
            : SoftmaxDiagonal.Compute(_data, _chunks, _buffers, theta, _buffers.ProbabilitiesAt(theta), 0, squared: false);
    }

    /// <inheritdoc/>
    /// <remarks>At the point of the last value pass it reuses that pass's probabilities; asked twice at one point (L-BFGS's
    /// preconditioner, then its stopping test) it is computed once.</remarks>
    public double[] CurvatureDiagonalAt(ReadOnlySpan<double> theta) => (double[])CachedCurvatureDiagonalAt(theta).Clone();

    // The diagonal at θ, kept for a second request at the same point; callers must not write to it.
    private double[] CachedCurvatureDiagonalAt(ReadOnlySpan<double> theta)
    {
        Check(theta.Length, nameof(theta));
        if (_diagonal is null || !theta.Slice(0, Dimension).SequenceEqual(_diagonalPoint))
        {
            _diagonal = _zeroWeights.AppliesAt(theta)
                ? _zeroWeights.CurvatureSums(theta, Penalty.L2, squared: true)
                : SoftmaxDiagonal.Compute(_data, _chunks, _buffers, theta, _buffers.ProbabilitiesAt(theta), Penalty.L2);
            _diagonalPoint = theta.Slice(0, Dimension).ToArray();
        }
        return _diagonal;
    }

    /// <summary>pᵢ = softmax(W·xᵢ + b) for every row, row-major n × K.</summary>
    public double[] Probabilities(ReadOnlySpan<double> theta)
    {
        Check(theta.Length, nameof(theta));
        int K = Classes, stride = _buffers.Blocks.Stride;
        var padded = _buffers.ProbabilitiesAt(theta) ?? PaddedProbabilities(theta);
        var p = new double[_data.RowCount * K];
        for (int i = 0; i < _data.RowCount; i++)
        {
            padded.AsSpan(i * stride, K).CopyTo(p.AsSpan(i * K, K));
        }
        return p;
    }

    // The rows' probabilities in the passes' layout (n × Stride, 0 in the padding), from a pass of their own.
    private double[] PaddedProbabilities(ReadOnlySpan<double> theta)
    {
        var blocks = _buffers.Blocks;
        int K = Classes, stride = blocks.Stride;
        if (_zeroWeights.AppliesAt(theta))
        {
            return _zeroWeights.PaddedProbabilities(theta, stride);
        }
        var p = new double[_data.RowCount * stride];
        blocks.Load(theta);
        _chunks.Run(c =>
        {
            var (start, end) = _chunks[c];
            var block = _buffers.BlockBuffers[c];
            for (int blockStart = start; blockStart < end; blockStart += blocks.Rows)
            {
                int count = Math.Min(blocks.Rows, end - blockStart);
                blocks.Forward(blockStart, count, block);
                Softmax.ProbabilitiesBlock(block.Scores, p.AsSpan(blockStart * stride, count * stride), count, stride, K);
            }
        });
        return p;
    }

    private void Chunk(int c)
    {
        var blocks = _buffers.Blocks;
        int K = Classes, stride = blocks.Stride;
        var (start, end) = _chunks[c];
        var y = _data.Labels;
        var s = _data.ExampleWeights;
        var block = _buffers.BlockBuffers[c];
        var g = _buffers.Partials[c].AsSpan();
        var probabilities = _passProbabilities;
        bool wantGradient = _wantGradient;
        if (wantGradient)
        {
            g.Clear();
        }
        double value = 0, compensation = 0;
        for (int blockStart = start; blockStart < end; blockStart += blocks.Rows)
        {
            int count = Math.Min(blocks.Rows, end - blockStart);
            blocks.Forward(blockStart, count, block);
            double blockValue = Softmax.CrossEntropyBlock(block.Scores, blocks.CoefficientsOf(block), count, stride, K, y.AsSpan(blockStart, count),
                s is null ? default : s.AsSpan(blockStart, count), probabilities is null ? default : probabilities.AsSpan(blockStart * stride, count * stride));
            double total = value + blockValue;
            compensation += Math.Abs(value) >= Math.Abs(blockValue) ? value - total + blockValue : blockValue - total + value;
            value = total;
            if (wantGradient)
            {
                blocks.Backward(block, g);
            }
        }
        _partialValues[c] = value + compensation;
    }

    private void Load(ReadOnlySpan<double> theta, bool gradient)
    {
        Check(theta.Length, nameof(theta));
        _buffers.Blocks.Load(theta);
        _wantGradient = gradient;
        _passProbabilities = _buffers.ProbabilitiesForPass();
    }

    private void Check(int length, string name)
    {
        if (length < Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} parameters (K = {Classes} classes × (d = {FeatureCount} weights + 1 bias)); got {length}.", name);
        }
    }
}
