namespace LogReg.Core.Optimization;

/// <summary>
/// An objective that offers a cheap preconditioner P ≈ H⁻¹ built from its curvature at a chosen
/// point. Quasi-Newton methods use γ·P as their initial inverse Hessian (Nocedal &amp; Wright allow
/// H₀ to change from one iteration to the next).
/// </summary>
public interface IPreconditionedObjective : IDifferentiableObjective
{
    /// <summary>The preconditioner from the curvature at x (costs about one pass over the data).</summary>
    IPreconditioner PreconditionerAt(ReadOnlySpan<double> x);
}
