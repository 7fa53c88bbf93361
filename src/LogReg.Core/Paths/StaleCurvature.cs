namespace LogReg.Core.Paths;

/// <summary>
/// When the binary covariance form may take a Newton step on a curvature formed at an earlier point, judged by the rows'
/// curvature weights rather than by how far the coefficients moved. When every row's weight is within a share ε of the
/// weight the Gram was formed with, the curvature lies between (1 − ε) and (1 + ε) times the current one in every
/// direction (the penalty's ridge only narrows that). So a step on it contracts the error by about ε (measured: ε/3 on
/// mlbench DNA) instead of squaring it. On rows many times the columns in play, that trade saves most Grams: mlbench DNA
/// (3,186 rows × 180 0/1 columns) formed 161 Grams a path under the coefficient rule, and 70 under this one. Such a
/// step's move understates its error by the same share. So a λ settles on a stale curvature only when its last move is
/// smaller by (<see cref="SettleChange"/>/ε) than the threshold asks. A Gram due again is first brought to the current
/// weights in the few rows that moved most (<see cref="Refresh"/>).
/// </summary>
internal static class StaleCurvature
{
    /// <summary>The largest share by which a row's weight may have moved for a held curvature to serve a step.</summary>
    public const double MaxChange = 0.2;

    // Up to this share a stale step settles at the path's own threshold: the coefficient rule's steps had moved weights by
    // up to 0.02 on DNA.
    private const double SettleChange = 0.02;

    // Measured: on fewer rows per column (300 × 900 dense, copied sparse columns at 80 and 300 rows) the extra steps cost
    // 7–25 % more than the Grams they saved; so they did over fewer columns, whose Gram costs about as much as a step (an
    // outside tester's shuttle, 58,000 × 9, 12 % slower; letter 20,000 × 16 and 12,000 × 20 rows, 11–17 %; satellite's 36
    // columns 3 % faster, spam's 57 16 %).
    private const int RowsPerColumn = 4;
    private const int MinColumns = 32;

    /// <summary>
    /// Uncounted steps a solve may take in all: each must halve its move or the next forms the Gram, so they run out only
    /// where rounding stops the moves from falling — a bound that does not depend on the step allowance.
    /// </summary>
    public const int MaxUncountedSteps = 1000;

    // A stale step whose move is not below this share of the last one's stopped contracting: the next step forms the Gram.
    private const double StallShare = 0.5;

    // A held Gram whose weights moved too far is brought to the current weights in the rows that moved by more than this,
    // while they are at most a quarter of the rows (each such row costs more than in a Gram formed afresh, and the step
    // after it is still stale): when the Gram was due, on ticdata 4–5 % of the rows, on DNA about 40 %.
    private const double RefreshChange = MaxChange / 2;

    /// <summary>Whether a solve over <paramref name="columns"/> columns (at least 32, on at least four rows each) judges its
    /// held curvature by the rows' weights. The multinomial class solves (offsets) judge theirs by their own rule.</summary>
    public static bool Applies(PathProblem problem, int columns) =>
        problem.Offsets is null && columns >= MinColumns && problem.RowCount >= RowsPerColumn * (columns + 1L);

    /// <summary>The largest relative change of a row's curvature weight from <paramref name="formed"/> to
    /// <paramref name="current"/>; infinite where a row had none.</summary>
    public static double Change(double[] formed, double[] current)
    {
        double change = 0;
        for (int i = 0; i < current.Length; i++)
        {
            if (formed[i] > 0)
            {
                change = Math.Max(change, Math.Abs(current[i] - formed[i]) / formed[i]);
            }
            else if (current[i] != 0)
            {
                return double.PositiveInfinity;
            }
        }
        return change;
    }

    /// <summary>
    /// Moves the raw Gram <paramref name="gram"/> over <paramref name="columns"/>, formed with <paramref name="formed"/>, to the
    /// <paramref name="current"/> weights in the rows whose weight moved by more than a tenth (updating
    /// <paramref name="formed"/> to match), and returns the largest change left (<see cref="Change"/> of the updated
    /// weights: the other rows' largest); null, with nothing changed, when those are more than a quarter of the rows (the
    /// Gram formed afresh then costs about as little).
    /// </summary>
    public static double? Refresh(PathProblem problem, int[] columns, double[] gram, double[] formed, double[] current)
    {
        var rows = new List<int>();
        double left = 0;
        for (int i = 0; i < current.Length; i++)
        {
            if (formed[i] > 0 ? Math.Abs(current[i] - formed[i]) > RefreshChange * formed[i] : current[i] != 0)
            {
                rows.Add(i);
            }
            else if (formed[i] > 0)
            {
                left = Math.Max(left, Math.Abs(current[i] - formed[i]) / formed[i]);
            }
        }
        if (4 * rows.Count > current.Length)
        {
            return null;
        }
        var moved = rows.ToArray();
        problem.AddRawGramOfRows(columns, moved, moved.Select(i => current[i] - formed[i]).ToArray(), gram);
        foreach (int i in moved)
        {
            formed[i] = current[i];
        }
        return left;
    }

    /// <summary>The threshold a step taken on a curvature <paramref name="change"/> away settles at.</summary>
    public static double SettleThreshold(double threshold, double change) =>
        change <= SettleChange ? threshold : threshold * (SettleChange / change) * (SettleChange / change);

    /// <summary>Whether a stale step that moved by <paramref name="move"/> after a step of <paramref name="lastMove"/> stopped
    /// contracting.</summary>
    public static bool Stalled(double move, double lastMove) => move > StallShare * lastMove;
}
