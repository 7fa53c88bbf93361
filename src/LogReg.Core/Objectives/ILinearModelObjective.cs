using LogReg.Core.Data;
using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>
/// The regularised objective of a linear model with a sigmoid link over θ = (w₀, …, w_{d−1}, b),
/// whatever its point-wise loss (see <see cref="LinearModelObjective{TLoss}"/> for the formula).
/// </summary>
public interface ILinearModelObjective : IStochasticObjective, IPreconditionedObjective
{
    /// <summary>The training data.</summary>
    TrainingSet Data { get; }

    /// <summary>d, the number of features (θ has d + 1 coordinates).</summary>
    int FeatureCount { get; }

    /// <summary>Most threads one evaluation uses (results never depend on it).</summary>
    int Threads { get; }

    /// <summary>The full objective F(θ) = f(θ) + L1·‖w‖₁.</summary>
    double Value(ReadOnlySpan<double> theta);

    /// <summary>The curvature moments at θ (one pass; see <see cref="CurvatureMoments"/>).</summary>
    CurvatureMoments MomentsAt(ReadOnlySpan<double> theta);

    /// <summary>The margins zᵢ = w·xᵢ + b of every row.</summary>
    double[] Margins(ReadOnlySpan<double> theta);
}
