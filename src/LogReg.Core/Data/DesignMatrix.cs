namespace LogReg.Core.Data;

/// <summary>
/// The feature matrix X (rows = examples, columns = features), read-only, with the few row
/// operations the objective needs. The intercept is not a column: where an operation involves it
/// (the outer product) it is the extra coordinate with index <see cref="ColumnCount"/> and value 1.
/// Values are stored as float; every product is accumulated in double.
/// </summary>
public abstract class DesignMatrix
{
    private bool _knownFinite;

    /// <summary>Checks and stores the shape.</summary>
    protected DesignMatrix(int rowCount, int columnCount)
    {
        if (rowCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, "The row count must be zero or more.");
        }
        if (columnCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(columnCount), columnCount, "The column count must be zero or more.");
        }
        RowCount = rowCount;
        ColumnCount = columnCount;
    }

    /// <summary>Number of examples.</summary>
    public int RowCount { get; }

    /// <summary>Number of features (not counting the intercept).</summary>
    public int ColumnCount { get; }

    /// <summary>True for compressed sparse rows.</summary>
    public abstract bool IsSparse { get; }

    /// <summary>Number of stored values.</summary>
    public abstract long StoredValueCount { get; }

    /// <summary>xᵢ·w (w has at least <see cref="ColumnCount"/> entries; the intercept is not added).</summary>
    public abstract double Dot(int row, ReadOnlySpan<double> w);

    /// <summary>target += alpha·xᵢ (target has at least <see cref="ColumnCount"/> entries).</summary>
    public abstract void AddScaledRow(int row, double alpha, Span<double> target);

    /// <summary>z[k] = x_(start+k)·w + b for k in [0, count): the forward pass over a block of rows.</summary>
    public virtual void MultiplyRows(int start, int count, ReadOnlySpan<double> w, double b, Span<double> z)
    {
        for (int k = 0; k < count; k++)
        {
            z[k] = Dot(start + k, w) + b;
        }
    }

    /// <summary>target += Σₖ coefficient[k]·x_(start+k): the gradient's Xᵀr over a block of rows.</summary>
    public virtual void AddTransposeRows(int start, int count, ReadOnlySpan<double> coefficient, Span<double> target)
    {
        for (int k = 0; k < count; k++)
        {
            if (coefficient[k] != 0)
            {
                AddScaledRow(start + k, coefficient[k], target);
            }
        }
    }

    /// <summary>target[j] += alpha·xᵢⱼ² (target has at least <see cref="ColumnCount"/> entries).</summary>
    public abstract void AddScaledSquaredRow(int row, double alpha, Span<double> target);

    /// <summary>sum[j] += alpha·xᵢⱼ and squares[j] += alpha·xᵢⱼ² in one walk over the row (the preconditioner's moments).</summary>
    public virtual void AddScaledRowAndSquares(int row, double alpha, Span<double> sum, Span<double> squares)
    {
        AddScaledRow(row, alpha, sum);
        AddScaledSquaredRow(row, alpha, squares);
    }

    /// <summary>
    /// Adds weight·x̃ᵢx̃ᵢᵀ to the upper triangle of the row-major (d+1)×(d+1) matrix
    /// <paramref name="upper"/>, where x̃ᵢ = (xᵢ, 1) and d = <see cref="ColumnCount"/>.
    /// <paramref name="scratch"/> has at least d+1 entries.
    /// </summary>
    public abstract void AddWeightedOuterProduct(int row, double weight, Span<double> upper, Span<double> scratch);

    /// <summary>
    /// Adds Σₖ weights[k]·x̃ₖx̃ₖᵀ over rows [start, start + count) to the upper triangle of the row-major
    /// (d+1)×(d+1) matrix <paramref name="upper"/> (x̃ = (x, 1)): a block of the Hessian's X̃ᵀ·diag(c)·X̃.
    /// The result depends only on the rows and the block, never on threads.
    /// </summary>
    public virtual void AddWeightedGram(int start, int count, ReadOnlySpan<double> weights, Span<double> upper)
    {
        Span<double> scratch = new double[ColumnCount + 1];
        for (int k = 0; k < count; k++)
        {
            if (weights[k] != 0)
            {
                AddWeightedOuterProduct(start + k, weights[k], upper, scratch);
            }
        }
    }

    /// <summary>Writes row i densely into <paramref name="destination"/> (length ≥ d).</summary>
    public abstract void CopyRow(int row, Span<double> destination);

    /// <summary>A new matrix of the listed rows, in the listed order (same storage kind).</summary>
    public abstract DesignMatrix SelectRows(IReadOnlyList<int> rows);

    /// <summary>
    /// The first stored value that is NaN or ±∞, scanning rows in order, or null when every value is
    /// finite. A finite verdict is remembered (the matrix is read-only), so the training sets built
    /// on one matrix — with class weights, for the statistics — scan it once.
    /// </summary>
    public (int Row, int Column, float Value)? FirstNonFinite()
    {
        if (_knownFinite)
        {
            return null;
        }
        var found = FindFirstNonFinite();
        _knownFinite = found is null;
        return found;
    }

    /// <summary>The scan behind <see cref="FirstNonFinite"/>.</summary>
    protected abstract (int Row, int Column, float Value)? FindFirstNonFinite();
}
