namespace LogReg.Core.Statistics;

/// <summary>What the reported standard errors are.</summary>
public enum StandardErrorKind
{
    /// <summary>None can honestly be given (the MLE does not exist, or the curvature is singular).</summary>
    None,

    /// <summary>√diag of the inverse observed Fisher information Xᵀ·diag(p(1−p))·X at the MLE (statsmodels' nonrobust).</summary>
    InverseFisherInformation,

    /// <summary>√diag of the inverse penalised Hessian Xᵀ·diag(p(1−p))·X + L2·I (as ML.NET's LinearModelStatistics).</summary>
    InversePenalizedHessian,

    /// <summary>Sandwich H⁻¹·(Σ gᵢgᵢᵀ)·H⁻¹ for squared error on the sigmoid, which is not a likelihood.</summary>
    Sandwich,

    /// <summary>The inverse Fisher information at Firth's penalised estimate (as logistf and brglm2 report).</summary>
    FirthInverseInformation,
}
