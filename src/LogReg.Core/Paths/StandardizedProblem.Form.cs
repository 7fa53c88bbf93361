namespace LogReg.Core.Paths;

/// <summary>Which form a dense solve takes: the covariance form, sweeps over the rows that hand a crawling λ over to it, or
/// sweeps alone.</summary>
internal sealed partial class StandardizedProblem
{
    // Up to this many, no more than the rows, once sweeps over them crawl (72 MB a matrix of the form).
    internal const int CrawlCovarianceColumns = 3000;

    /// <summary>How a dense solve goes, by its columns, the rows and whether sweeps crawled before (<see cref="FormFor"/>).</summary>
    internal enum SolveForm
    {
        /// <summary>The covariance form from the start.</summary>
        Covariance,

        /// <summary>Sweeps over the rows, handing the λ to the covariance form if they crawl.</summary>
        SweepsThenCovariance,

        /// <summary>Sweeps over the rows only: the columns' matrices would not fit.</summary>
        Sweeps,
    }

    // Up to CovarianceColumns columns no more than the rows, the covariance form; beyond the rows, sweeps that hand over
    // when they crawl (and every later solve that fits takes the form at once). Up to CrawlCovarianceColumns columns no
    // more than the rows fit as well, after sweeps that crawled: at the default tolerance, sweeps over 1,200 correlated
    // columns of 3,000 rows had crawled for more than ten minutes a path, which the covariance form solves in 12 s.
    internal static SolveForm FormFor(int columns, int rows, bool sweepsCrawled)
    {
        bool fits = columns <= CovarianceColumns || columns <= Math.Min(rows, CrawlCovarianceColumns);
        return !fits ? SolveForm.Sweeps
            : columns <= Math.Min(rows, CovarianceColumns) || sweepsCrawled ? SolveForm.Covariance
            : SolveForm.SweepsThenCovariance;
    }
}
