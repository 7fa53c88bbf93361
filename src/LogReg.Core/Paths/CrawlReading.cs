namespace LogReg.Core.Paths;

/// <summary>
/// Whether a Newton step's sweeps crawl, read every <see cref="Window"/> sweeps: the largest change of the model in a
/// sweep has not halved since the last reading. Sweeps still settling their support gain faster than that; crawling ones
/// move along directions the sweeps resolve slowly (copied or strongly correlated columns), where an exact step or the
/// covariance form does better (<see cref="NaiveCoordinateDescent"/>, <see cref="SparseCoordinateDescent"/>).
/// </summary>
internal struct CrawlReading
{
    /// <summary>Sweeps between two readings.</summary>
    public const int Window = 10;

    private int _markSweep;
    private double _markLargest = double.PositiveInfinity;

    public CrawlReading()
    {
    }

    /// <summary>At a reading (every <see cref="Window"/> sweeps), whether the sweeps crawl; null between readings.</summary>
    public bool? Read(int sweep, double largest)
    {
        if (sweep - _markSweep < Window)
        {
            return null;
        }
        bool crawling = largest > _markLargest / 2;
        (_markSweep, _markLargest) = (sweep, largest);
        return crawling;
    }
}
