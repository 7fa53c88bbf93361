namespace LogReg.Core.Paths;

/// <summary>
/// Whether a sparse solve over more columns than <see cref="SparseStandardizedProblem"/>'s usual covariance limit should
/// still take the covariance form: when the last sweeps over the stored values crawled — kernlab's ticdata (9,822 rows ×
/// 503 one-hot columns, nested categories) took 27 sweeps a Newton step — so many sweeps cost more than the Gram of the
/// columns' stored values and the exact step's factorisation do. The crawl is read from the last sweeping solve, so once a
/// path has turned to the covariance form it stays there while its columns fit under the dense limit.
/// </summary>
internal sealed class SparseCovarianceChoice(SparseStandardizedProblem problem)
{
    private int[]? _rowCounts;

    /// <summary>Sweeps per Newton step in the problem's last solve by sweeps over the stored values (0 before any).</summary>
    public double SweepsPerStep { get; set; }

    /// <summary>
    /// True when <see cref="SweepsPerStep"/> sweeps over <paramref name="columns"/>' stored values would cost more than
    /// their Gram and its factorisation, in the units <see cref="SupportCholeskySolve.Cost"/> counts them; never above
    /// <see cref="StandardizedProblem.CovarianceColumns"/>.
    /// </summary>
    public bool Pays(int[] columns)
    {
        if (columns.Length > StandardizedProblem.CovarianceColumns)
        {
            return false;
        }
        if (Crawled || SweepsPerStep == 0)
        {
            return Crawled;
        }
        double stored = 0;
        foreach (int j in columns)
        {
            stored += problem.ColumnStart[j + 1] - problem.ColumnStart[j];
        }
        return SweepsPerStep * stored > GramCost(columns);
    }

    /// <summary>
    /// Whether a solve's sweeps crawled and handed over to the covariance form (<see cref="SparseCoordinateDescent.Solve"/>):
    /// from then on every solve within the column limit takes it, as the dense problem's do once their sweeps crawled.
    /// </summary>
    public bool Crawled { get; set; }

    /// <summary>The cost of the covariance form's Gram and factorisation over <paramref name="columns"/>, in stored values
    /// visited (<see cref="SupportCholeskySolve.Cost"/>).</summary>
    public double GramCost(int[] columns) => SupportCholeskySolve.Cost(problem, columns, _rowCounts ??= new int[problem.RowCount]);
}
