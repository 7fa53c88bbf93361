namespace LogReg.Core.Optimization;

/// <summary>
/// A symmetric positive definite P ≈ H⁻¹ fixed when it was made (a value, like <see cref="ICurvature"/>):
/// later evaluations of the objective do not change it.
/// </summary>
public interface IPreconditioner
{
    /// <summary>result = P·v.</summary>
    void Apply(ReadOnlySpan<double> v, Span<double> result);
}
