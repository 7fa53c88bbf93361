namespace LogReg.Core.Statistics;

/// <summary>How the statistics are computed (the fit itself is set by the trainer's options).</summary>
public sealed record StatisticsOptions
{
    /// <summary>Model-based for BCE, HC0 for MSE.</summary>
    public static StatisticsOptions Default { get; } = new();

    /// <summary>The covariance of the estimates.</summary>
    public CovarianceType Covariance { get; init; } = CovarianceType.Default;

    /// <summary>For <see cref="CovarianceType.Cluster"/>: a cluster id per training row (any integers; rows with the same id form one cluster).</summary>
    public IReadOnlyList<int>? Clusters { get; init; }

    /// <summary>Checks that the options fit data of <paramref name="rowCount"/> rows.</summary>
    public void Validate(int rowCount)
    {
        if (Covariance == CovarianceType.Cluster)
        {
            if (Clusters is null)
            {
                throw new ArgumentException("Covariance is Cluster but no cluster ids were given; expected one id per training row.");
            }
            if (Clusters.Count != rowCount)
            {
                throw new ArgumentException($"There are {rowCount} training rows but {Clusters.Count} cluster ids.");
            }
            if (Clusters.Distinct().Count() < 2)
            {
                throw new ArgumentException("Cluster-robust errors need at least 2 clusters; every row has the same cluster id.");
            }
        }
        else if (Clusters is not null)
        {
            throw new ArgumentException($"Cluster ids were given but Covariance is {Covariance}; set Covariance = Cluster to use them.");
        }
    }
}
