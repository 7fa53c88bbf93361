using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>
/// Separation decided by proof (Konis 2007): with x̃ᵢ = [1, xᵢ] (each feature column scaled to
/// max |x| = 1) and sᵢ = 2yᵢ − 1, solve
/// <code>
///   maximise Σᵢ sᵢ·x̃ᵢβ   subject to   sᵢ·x̃ᵢβ ≥ 0 for every row,   −1 ≤ βⱼ ≤ 1.
/// </code>
/// β = 0 is feasible, so the optimum is ≥ 0; it is &gt; 0 exactly when some direction puts every row
/// on its own side or on the boundary and at least one strictly — complete or quasi-complete
/// separation, when the maximum-likelihood estimate does not exist (Albert &amp; Anderson 1984).
/// Extreme fitted probabilities alone prove nothing. Rows with zero weight are left out.
/// </summary>
public static class SeparationCheck
{
    /// <summary>Largest rows × columns the dense LP takes (about 160 MB of dictionary).</summary>
    public const long MaximumCells = 20_000_000;

    /// <summary>An optimum above this (the scaled problem's coefficients are O(1)) is separation.</summary>
    public const double Threshold = 1e-7;

    /// <summary>Runs the LP on <paramref name="columns"/> of the data (feature indices; the intercept is always in).</summary>
    public static SeparationResult Run(TrainingSet data, IReadOnlyList<int> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        var rows = Enumerable.Range(0, data.RowCount).Where(i => data.WeightOf(i) > 0).ToArray();
        int k = columns.Count + 1;
        if ((long)rows.Length * 2 * k > MaximumCells)
        {
            return SeparationResult.NotChecked;
        }
        var scale = new double[k];
        scale[0] = 1;
        var x = new double[data.FeatureCount];
        var a = new double[rows.Length, k];
        for (int r = 0; r < rows.Length; r++)
        {
            data.Features.CopyRow(rows[r], x);
            double s = data.Labels[rows[r]] == 1 ? 1 : -1;
            a[r, 0] = s;
            for (int j = 1; j < k; j++)
            {
                a[r, j] = s * x[columns[j - 1]];
                scale[j] = Math.Max(scale[j], Math.Abs(x[columns[j - 1]]));
            }
        }
        // β = p − q with 0 ≤ p, q ≤ 1: nonbasic p (ids 0 … k−1) and q (k … 2k−1); basic
        // tᵢ = aᵢ·(p − q) ≥ 0 for each row, then the bound slacks 1 − p and 1 − q.
        int m = rows.Length;
        var d = new double[m + 2 * k, 2 * k];
        var b = new double[m + 2 * k];
        var c = new double[2 * k];
        for (int r = 0; r < m; r++)
        {
            for (int j = 0; j < k; j++)
            {
                double v = scale[j] > 0 ? a[r, j] / scale[j] : 0;
                d[r, j] = v;
                d[r, k + j] = -v;
                c[j] += v;
                c[k + j] -= v;
            }
        }
        for (int j = 0; j < 2 * k; j++)
        {
            d[m + j, j] = -1;
            b[m + j] = 1;
        }
        var lp = new DictionarySimplex(d, b, c);
        if (!lp.Solve(maximumPivots: 200 * (m + 4 * k), cancellationToken))
        {
            throw new InvalidOperationException($"The separation linear program did not finish within {200 * (m + 4 * k)} pivots.");
        }
        var beta = Enumerable.Range(0, k).Select(j => lp.ValueOf(j) - lp.ValueOf(k + j)).ToArray();
        bool separated = lp.Optimum > Threshold;
        var direction = new Dictionary<string, double>();
        int strictly = 0;
        if (separated)
        {
            for (int j = 0; j < k; j++)
            {
                if (Math.Abs(beta[j]) > 1e-9)
                {
                    direction[j == 0 ? "intercept" : data.FeatureNames?[columns[j - 1]] ?? $"x{columns[j - 1]}"] = beta[j];
                }
            }
            for (int r = 0; r < m; r++)
            {
                double margin = 0;
                for (int j = 0; j < k; j++)
                {
                    margin += scale[j] > 0 ? a[r, j] / scale[j] * beta[j] : 0;
                }
                strictly += margin > 1e-9 ? 1 : 0;
            }
        }
        return new SeparationResult(true, separated, separated && strictly == m, separated ? lp.Optimum : 0, strictly, direction);
    }
}
