namespace LogReg.Core.Objectives;

/// <summary>
/// The unpenalised softmax objective with class 0 as the reference (W₀ = 0, b₀ = 0), over
/// β = (W₁, …, W_{K−1}, b₁, …, b_{K−1}): the identifiable parametrisation of multinomial logit
/// (statsmodels' MNLogit, R's nnet::multinom), whose Hessian is non-singular when the maximum-
/// likelihood estimate exists. Value, gradient and curvature are the full objective's at (0, β),
/// restricted to β (<see cref="FixedCoordinatesObjective"/>).
/// </summary>
internal static class ReferenceClassObjective
{
    /// <summary>The reference-class objective of an unpenalised softmax objective (class 0's weights, at 0..d−1, and bias, at K·d, held at 0).</summary>
    public static FixedCoordinatesObjective Of(SoftmaxObjective full)
    {
        ArgumentNullException.ThrowIfNull(full);
        int d = full.FeatureCount, K = full.Classes;
        return new FixedCoordinatesObjective(full, new double[full.Dimension], j => j < d || j == K * d);
    }
}
