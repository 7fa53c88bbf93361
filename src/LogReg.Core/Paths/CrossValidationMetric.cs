namespace LogReg.Core.Paths;

/// <summary>How held-out rows score a path point (cv.glmnet's <c>type.measure</c>).</summary>
public enum CrossValidationMetric
{
    /// <summary>−2·log-likelihood per unit weight, probabilities clipped to [1e-5, 1 − 1e-5] as cv.glmnet does (its default).</summary>
    Deviance,

    /// <summary>The mean negative log-likelihood per unit weight, probabilities clipped to [1e-15, 1 − 1e-15] (scikit-learn's log-loss).</summary>
    LogLoss,

    /// <summary>Area under the ROC curve per fold (binary only; larger is better; ties count one half).</summary>
    Auc,

    /// <summary>The weighted share of rows whose most probable class is wrong (ties go to the lower class: a binary ½ predicts 0, as in cv.glmnet).</summary>
    Misclassification,
}

/// <summary>Which λ a cross-validation chooses.</summary>
public enum LambdaRule
{
    /// <summary>The largest λ whose mean error is within one standard error of the best (cv.glmnet's <c>lambda.1se</c>, what its <c>predict</c> uses).</summary>
    OneStandardError,

    /// <summary>The λ of the best mean error (<c>lambda.min</c>).</summary>
    Minimum,
}

/// <summary>At which λ each fold's path is solved.</summary>
public enum FoldAlignment
{
    /// <summary>
    /// Every fold solved exactly at the full data's λ sequence (what cv.glmnet does when given <c>lambda</c>): the
    /// curve compares optima at the same penalty.
    /// </summary>
    SameLambdas,

    /// <summary>
    /// cv.glmnet's default: each fold runs its own sequence (its own λ_max, early stop) and its coefficients are
    /// interpolated linearly in λ at the full data's λ (clamped at both ends) — for numbers identical to a default
    /// cv.glmnet.
    /// </summary>
    Interpolated,
}
