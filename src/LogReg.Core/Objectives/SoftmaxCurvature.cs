using LogReg.Core.Data;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// The softmax Hessian at a fixed point, H = Σᵢ sᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + L2 on W, applied
/// without forming it: for a direction (V, c), uᵢ = V·xᵢ + c, and row i contributes
/// sᵢ·pᵢ ⊙ (uᵢ − pᵢ·uᵢ) times x̃ᵢ to each class's block.
/// </summary>
internal sealed class SoftmaxCurvature : ICurvature
{
    private readonly MulticlassTrainingSet _data;
    private readonly double[] _p;
    private readonly ElasticNetPenalty _penalty;
    private readonly RowChunks _chunks;
    private readonly int _classes;
    private readonly SoftmaxBlocks _blocks;
    private double[][]? _partials;
    private SoftmaxBlock[]? _scratch;
    private Action<int>? _body;

    public SoftmaxCurvature(MulticlassTrainingSet data, double[] probabilities, ElasticNetPenalty penalty, RowChunks chunks)
    {
        _data = data;
        _p = probabilities;
        _penalty = penalty;
        _chunks = chunks;
        _classes = data.ClassCount;
        _blocks = new SoftmaxBlocks(data.Features, _classes);
    }

    public int Dimension => _classes * (_data.FeatureCount + 1);

    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        if (v.Length < Dimension || result.Length < Dimension)
        {
            throw new ArgumentException($"Expected vectors of length {Dimension}.");
        }
        // Buffers are made on the first product and reused: conjugate gradients calls this many times.
        if (_partials is null)
        {
            _partials = new double[_chunks.Count][];
            _scratch = new SoftmaxBlock[_chunks.Count];
            for (int c = 0; c < _partials.Length; c++)
            {
                _partials[c] = new double[_blocks.PartialLength];
                _scratch[c] = _blocks.NewBlock();
            }
            _body = MultiplyChunk;
        }
        _blocks.Load(v);
        _chunks.Run(_body!);
        _blocks.AddToClassMajor(_partials, result);
        _penalty.AddSmoothCurvature(v, result);
    }

    public double[] ToDense() => CurvatureColumns.ToDense(this);

    private void MultiplyChunk(int c)
    {
        int K = _classes, stride = _blocks.Stride;
        var (start, end) = _chunks[c];
        var s = _data.ExampleWeights;
        var partial = _partials![c].AsSpan();
        partial.Clear();
        var block = _scratch![c];
        var u = block.Scores;
        var coefficient = block.Coefficients;
        for (int blockStart = start; blockStart < end; blockStart += _blocks.Rows)
        {
            int count = Math.Min(_blocks.Rows, end - blockStart);
            _blocks.Forward(blockStart, count, block);
            for (int r = 0; r < count; r++)
            {
                int i = blockStart + r;
                double si = s is null ? 1.0 : s[i];
                var p = _p.AsSpan(i * K, K);
                double pu = 0;
                for (int k = 0; k < K; k++)
                {
                    pu += p[k] * u[r * stride + k];
                }
                // The padding lanes of the coefficients stay 0 from allocation.
                for (int k = 0; k < K; k++)
                {
                    coefficient[r * stride + k] = si * p[k] * (u[r * stride + k] - pu);
                }
            }
            _blocks.Backward(block, partial);
        }
    }
}
