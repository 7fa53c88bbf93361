using LogReg.Core.Penalties;

namespace LogReg.Core.Optimization;

/// <summary>
/// What an optimizer may know about the function it minimises:
/// <code>
///   F(x) = f(x) + Penalty.L1Value(x)
/// </code>
/// with f smooth (value, gradient, curvature) — f already includes the penalty's smooth (L2) part —
/// and the penalty's non-smooth L1 part handled by the optimizer through <see cref="Penalty"/>.
/// Optimizers never see rows.
/// </summary>
public interface IDifferentiableObjective
{
    /// <summary>Number of coordinates of x.</summary>
    int Dimension { get; }

    /// <summary>The penalty; its L2 part is inside f, its L1 part is the optimizer's to handle.</summary>
    ElasticNetPenalty Penalty { get; }

    /// <summary>
    /// The objective's natural unit u &gt; 0: stopping tests compare against max(|F|, u) instead of
    /// max(|F|, 1), so that scaling the whole objective scales the tests with it. For a sum over
    /// weighted samples it is the mean weight (1 with unit weights); 1 by default.
    /// </summary>
    double ValueScale => 1.0;

    /// <summary>
    /// How finely f's values are resolved, relative to |f|, beyond double rounding: 0 (the default) for an objective
    /// summed to rounding. An objective whose values carry more noise than its gradient (Firth's, through a
    /// log-determinant) states it, and Newton then accepts a step whose value stays within it — as long as it shrinks
    /// the gradient or halving finds one — instead of stopping without progress.
    /// </summary>
    double ValueResolution => 0.0;

    /// <summary>
    /// The diagonal of a positive semidefinite curvature of f at x — the exact Hessian's, or the Gauss–Newton one
    /// where a loss's curvature can be negative — with the penalty's L2 part; null when the objective cannot give it
    /// in one pass. It lets the loop check a curvature model's decrement claim (<see cref="StoppingTests.DecrementBoundMet"/>).
    /// </summary>
    double[]? CurvatureDiagonalAt(ReadOnlySpan<double> x) => null;

    /// <summary>f(x), the smooth part only.</summary>
    double SmoothValue(ReadOnlySpan<double> x);

    /// <summary>f(x) and ∇f(x) in one evaluation; returns f(x).</summary>
    double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>The curvature of f at x as an operator (a value: it does not change afterwards).</summary>
    /// <param name="x">The point.</param>
    /// <param name="gaussNewton">When true, a positive semi-definite Gauss–Newton curvature instead of the exact Hessian.</param>
    ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false);
}
