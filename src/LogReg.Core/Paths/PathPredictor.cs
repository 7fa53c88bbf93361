namespace LogReg.Core.Paths;

/// <summary>
/// Where a path's next λ starts: the last solution moved on along the path's last step — each non-zero coefficient and
/// each intercept extrapolated linearly in log λ from the two λ solved before, a coefficient that would change sign set
/// to zero. Late in a path the coefficients move smoothly with log λ, so the solve starts several times closer to its
/// optimum than from the last solution alone: the multinomial rounds, which converge linearly, need half as many.
/// The callers keep the prediction only where it lowers the new λ's objective (<see cref="Undo"/> otherwise).
/// </summary>
internal sealed class PathPredictor
{
    // The furthest a prediction reaches, in units of the last step in log λ: a user's uneven λ list can make the next
    // step much longer than the last, and a straight line is trusted only about as far as it was measured.
    private const double MaxReach = 2;

    private Solution? _last;
    private Solution? _before;

    private sealed record Solution(double Lambda, int[] Columns, double[][] Values, double[] Intercepts);

    /// <summary>
    /// Records the solution at <paramref name="lambda"/>; every non-zero coefficient is among <paramref name="columns"/>
    /// (ascending). A λ solved again (a path's end confirmed on closer solves) replaces its first solution.
    /// </summary>
    public void Solved(double lambda, double[][] beta, double[] intercepts, int[] columns)
    {
        // The solution dropped here gives its arrays to the new one when they fit: on text each is K arrays of the columns in
        // play (22 × 181,627 values), a fresh set a λ was large-object garbage the collector let pile up.
        var dropped = _last?.Lambda == lambda ? _last : _before;
        var values = new double[beta.Length][];
        for (int k = 0; k < beta.Length; k++)
        {
            var v = values[k] = dropped is { } old && k < old.Values.Length && old.Values[k].Length == columns.Length ? old.Values[k] : new double[columns.Length];
            for (int a = 0; a < columns.Length; a++)
            {
                v[a] = beta[k][columns[a]];
            }
        }
        var solution = new Solution(lambda, columns, values, (double[])intercepts.Clone());
        if (_last?.Lambda == lambda)
        {
            _last = solution;
        }
        else if (_before?.Lambda == lambda)
        {
            _before = solution;
        }
        else
        {
            (_before, _last) = (_last, solution);
        }
    }

    /// <summary>
    /// Moves <paramref name="beta"/> and <paramref name="intercepts"/> — the last recorded solution — to the prediction at
    /// <paramref name="lambda"/>; false (nothing moved) until two λ are solved or where the λ do not decrease.
    /// </summary>
    public bool TryPredict(double lambda, double[][] beta, double[] intercepts)
    {
        if (_last is not { } last || _before is not { } before || !(lambda > 0 && lambda < last.Lambda && last.Lambda < before.Lambda))
        {
            return false;
        }
        double reach = Math.Min(Math.Log(lambda / last.Lambda) / Math.Log(last.Lambda / before.Lambda), MaxReach);
        for (int k = 0; k < beta.Length; k++)
        {
            if (!double.IsFinite(intercepts[k]))
            {
                continue;
            }
            var now = last.Values[k];
            var then = before.Values[k];
            int b = 0;
            for (int a = 0; a < last.Columns.Length; a++)
            {
                int j = last.Columns[a];
                while (b < before.Columns.Length && before.Columns[b] < j)
                {
                    b++;
                }
                if (now[a] == 0)
                {
                    continue;
                }
                double earlier = b < before.Columns.Length && before.Columns[b] == j ? then[b] : 0;
                double predicted = now[a] + reach * (now[a] - earlier);
                beta[k][j] = Math.Sign(predicted) == Math.Sign(now[a]) ? predicted : 0;
            }
            intercepts[k] += reach * (last.Intercepts[k] - before.Intercepts[k]);
        }
        return true;
    }

    /// <summary>Puts the last recorded solution back into <paramref name="beta"/> and <paramref name="intercepts"/>.</summary>
    public void Undo(double[][] beta, double[] intercepts)
    {
        var last = _last!;
        for (int k = 0; k < beta.Length; k++)
        {
            for (int a = 0; a < last.Columns.Length; a++)
            {
                beta[k][last.Columns[a]] = last.Values[k][a];
            }
        }
        Array.Copy(last.Intercepts, intercepts, intercepts.Length);
    }
}
