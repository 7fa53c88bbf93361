using LogReg.Core.Data;

namespace LogReg.Core.Objectives;

/// <summary>
/// The working memory of one softmax pass — the loaded point or direction, each chunk's gradient partial and block
/// buffers — owned by a <see cref="SoftmaxObjective"/> and shared with its curvatures. Every pass loads its own point
/// and clears what it sums into, so nothing carries over between passes; they must not run at the same time (an
/// objective and its curvatures are evaluated from one thread, as the optimizers do). Sharing them spares a Newton fit
/// a chunk's worth of partials per iteration (K·d doubles each: 25 MB per iteration on a 20,000-word, 20-class set).
/// </summary>
internal sealed class SoftmaxPassBuffers
{
    public SoftmaxPassBuffers(DesignMatrix x, int classes, RowChunks chunks)
    {
        Blocks = new SoftmaxBlocks(x, classes);
        Partials = new double[chunks.Count][];
        BlockBuffers = new SoftmaxBlock[chunks.Count];
        for (int c = 0; c < chunks.Count; c++)
        {
            Partials[c] = new double[Blocks.PartialLength];
            BlockBuffers[c] = Blocks.NewBlock();
        }
    }

    /// <summary>The pass's kernels and the point or direction they use.</summary>
    public SoftmaxBlocks Blocks { get; }

    /// <summary>Per chunk: the sums of the transposed half, in <see cref="SoftmaxBlocks"/>' layout.</summary>
    public double[][] Partials { get; }

    /// <summary>Per chunk: a block's rows, scores and coefficients.</summary>
    public SoftmaxBlock[] BlockBuffers { get; }
}
