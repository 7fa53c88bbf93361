namespace LogReg.Core.Objectives;

/// <summary>
/// One chunk's buffers for <see cref="SoftmaxBlocks"/>: the block's rows widened to double (dense data), its scores
/// and its coefficients, row-major with <see cref="SoftmaxBlocks.Stride"/> doubles per row, and which rows they hold.
/// </summary>
internal sealed class SoftmaxBlock
{
    // coefficientStride: 0 when the coefficients live in one array for all rows (SoftmaxBlocks.CoefficientsOf).
    public SoftmaxBlock(int rows, int coefficientStride, int stride, int values)
    {
        Values = new double[values];
        Scores = new double[rows * stride];
        Coefficients = new double[rows * coefficientStride];
    }

    /// <summary>The rows of the last forward half, row-major in double (dense data only).</summary>
    public double[] Values { get; }

    /// <summary>Per row and class: scores, margins or direction products.</summary>
    public double[] Scores { get; }

    /// <summary>Per row and class: what the transposed half multiplies the rows by (see <see cref="SoftmaxBlocks.CoefficientsOf"/>).</summary>
    public double[] Coefficients { get; }

    /// <summary>First row of the block.</summary>
    public int Start { get; set; }

    /// <summary>Rows in the block.</summary>
    public int Count { get; set; }
}
