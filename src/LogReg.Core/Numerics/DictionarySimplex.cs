namespace LogReg.Core.Numerics;

/// <summary>
/// A small dense simplex method in dictionary form (Chvátal, "Linear Programming", ch. 2–3) for
/// <code>
///   maximise z = z₀ + cᵀx_N   subject to   x_B = b + D·x_N ≥ 0,   x_N ≥ 0
/// </code>
/// starting from a feasible dictionary (b ≥ 0). The entering variable is the one of largest cost
/// (Dantzig); after a run of degenerate pivots (z does not move) it is chosen by Bland's rule
/// (smallest variable id enters and, among tied ratios, leaves) until z moves again, which rules
/// out cycling on degenerate problems — the separation LP is one: every row starts at 0.
/// Dense: O(rows·columns) memory and work per pivot.
/// </summary>
public sealed class DictionarySimplex
{
    private const double Epsilon = 1e-11;
    private readonly double[] _d;
    private readonly int _columns;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly int[] _basic;
    private readonly int[] _nonbasic;
    private double _z;

    /// <summary>The dictionary: rows are the basic variables (ids columns … columns+rows−1), columns the nonbasic ones (ids 0 … columns−1).</summary>
    /// <param name="d">rows × columns coefficients D.</param>
    /// <param name="b">rows values b ≥ 0.</param>
    /// <param name="c">columns costs c.</param>
    public DictionarySimplex(double[,] d, double[] b, double[] c)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int rows = d.GetLength(0), columns = d.GetLength(1);
        if (b.Length != rows || c.Length != columns)
        {
            throw new ArgumentException($"D is {rows}×{columns}; b has {b.Length} entries and c {c.Length}.");
        }
        if (b.Any(v => !(v >= 0)))
        {
            throw new ArgumentException("The starting dictionary must be feasible (b ≥ 0).", nameof(b));
        }
        _columns = columns;
        _d = new double[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < columns; j++)
            {
                _d[r * columns + j] = d[r, j];
            }
        }
        _b = (double[])b.Clone();
        _c = (double[])c.Clone();
        _nonbasic = Enumerable.Range(0, columns).ToArray();
        _basic = Enumerable.Range(columns, rows).ToArray();
    }

    /// <summary>The optimal value z* (after <see cref="Solve"/>).</summary>
    public double Optimum => _z;

    /// <summary>Pivots until no cost is positive. Returns false when <paramref name="maximumPivots"/> ran out first.</summary>
    public bool Solve(int maximumPivots, CancellationToken cancellationToken = default)
    {
        const int DegenerateRunBeforeBland = 50;
        int degenerateRun = 0;
        for (int pivot = 0; pivot < maximumPivots; pivot++)
        {
            if ((pivot & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            bool bland = degenerateRun >= DegenerateRunBeforeBland;
            int entering = -1;
            for (int j = 0; j < _c.Length; j++)
            {
                if (_c[j] > Epsilon && (entering < 0 || (bland ? _nonbasic[j] < _nonbasic[entering] : _c[j] > _c[entering])))
                {
                    entering = j;
                }
            }
            if (entering < 0)
            {
                return true;
            }
            int leaving = -1;
            double best = double.PositiveInfinity;
            for (int r = 0; r < _b.Length; r++)
            {
                double a = _d[r * _columns + entering];
                if (a < -Epsilon)
                {
                    double ratio = _b[r] / -a;
                    if (ratio < best - Epsilon || (ratio <= best + Epsilon && leaving >= 0 && _basic[r] < _basic[leaving]))
                    {
                        best = Math.Min(best, ratio);
                        leaving = r;
                    }
                }
            }
            if (leaving < 0)
            {
                throw new InvalidOperationException("The linear program is unbounded.");
            }
            double before = _z;
            Pivot(leaving, entering);
            degenerateRun = _z > before ? 0 : degenerateRun + 1;
        }
        return false;
    }

    /// <summary>The value of variable <paramref name="id"/> at the current dictionary (0 when nonbasic).</summary>
    public double ValueOf(int id)
    {
        int r = Array.IndexOf(_basic, id);
        return r < 0 ? 0 : _b[r];
    }

    private void Pivot(int r, int e)
    {
        int columns = _columns;
        var d = _d;
        int rowR = r * columns;
        double a = d[rowR + e];
        // Row r solved for the entering variable.
        _b[r] = -_b[r] / a;
        for (int j = 0; j < columns; j++)
        {
            d[rowR + j] = j == e ? 1 / a : -d[rowR + j] / a;
        }
        var pivotRow = new ReadOnlySpan<double>(d, rowR, columns);
        for (int i = 0; i < _b.Length; i++)
        {
            int rowI = i * columns;
            double factor = d[rowI + e];
            if (i == r || factor == 0)
            {
                continue;
            }
            _b[i] = Math.Max(0, _b[i] + factor * _b[r]);
            d[rowI + e] = 0;
            VectorKernels.AddScaled(pivotRow, factor, new Span<double>(d, rowI, columns));
        }
        double cost = _c[e];
        _z += cost * _b[r];
        _c[e] = 0;
        VectorKernels.AddScaled(pivotRow, cost, _c);
        (_basic[r], _nonbasic[e]) = (_nonbasic[e], _basic[r]);
    }
}
