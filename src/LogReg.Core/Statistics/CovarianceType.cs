namespace LogReg.Core.Statistics;

/// <summary>Which covariance of the estimates the standard errors come from.</summary>
public enum CovarianceType
{
    /// <summary>Model-based for BCE (inverse information or penalised Hessian); HC0 sandwich for MSE, which is not a likelihood.</summary>
    Default,

    /// <summary>Model-based: H⁻¹ (statsmodels' "nonrobust", R's vcov(glm)). Not available for MSE.</summary>
    NonRobust,

    /// <summary>White's sandwich H⁻¹·(Σ sᵢ²gᵢ²x̃ᵢx̃ᵢᵀ)·H⁻¹ (R sandwich::vcovHC type "HC0").</summary>
    HC0,

    /// <summary>HC0 · n/(n − k) (type "HC1").</summary>
    HC1,

    /// <summary>Each row's score divided by (1 − hᵢ), hᵢ the leverage cᵢ·x̃ᵢᵀH⁻¹x̃ᵢ (type "HC3", as vcovHC on a glm).</summary>
    HC3,

    /// <summary>Cluster-robust: scores summed within each cluster, times G/(G − 1) (R sandwich::vcovCL's default on a glm).</summary>
    Cluster,
}
