namespace LogReg.Core.Optimization;

/// <summary>
/// How often an optimizer asked the objective for each kind of evaluation, counted in one place
/// (a counting wrapper around the objective) so every optimizer counts the same way.
/// </summary>
/// <param name="Values">Value-only passes, f(x).</param>
/// <param name="Gradients">Fused value-and-gradient passes.</param>
/// <param name="HessianBuilds">Curvature operators built (HessianAt; a dense form is part of its build).</param>
/// <param name="HessianVectorProducts">Products H·v with a built curvature (Newton-CG).</param>
/// <param name="PreconditionerPasses">Preconditioners built (one curvature-moment pass each).</param>
public readonly record struct EvaluationCounts(int Values, int Gradients, int HessianBuilds, int HessianVectorProducts, int PreconditionerPasses)
{
    /// <summary>All of them: each is about one pass over the data.</summary>
    public int Total => Values + Gradients + HessianBuilds + HessianVectorProducts + PreconditionerPasses;

    /// <summary>The counts of two runs on one objective (e.g. one optimizer handing over to another), kind by kind.</summary>
    public static EvaluationCounts operator +(EvaluationCounts a, EvaluationCounts b) => new(a.Values + b.Values, a.Gradients + b.Gradients,
        a.HessianBuilds + b.HessianBuilds, a.HessianVectorProducts + b.HessianVectorProducts, a.PreconditionerPasses + b.PreconditionerPasses);
}
