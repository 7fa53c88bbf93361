namespace LogReg.Core.Optimization;

/// <summary>An objective that is a sum over samples, so a subset of samples estimates it (mini-batch SGD).</summary>
public interface IStochasticObjective : IDifferentiableObjective
{
    /// <summary>The mini-batch view of the same objective.</summary>
    ISampleEstimator Samples { get; }
}
