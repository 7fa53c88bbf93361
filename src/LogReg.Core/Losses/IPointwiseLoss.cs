namespace LogReg.Core.Losses;

/// <summary>
/// A loss ℓ(y, z) of one example as a function of its margin z = w·x + b and its label y ∈ {0, 1}:
/// everything the objective needs to know about a loss. Implemented by structs so that generic code
/// over <c>TLoss : struct, IPointwiseLoss</c> is specialised (no virtual call in the row loop);
/// adding a loss is one new struct.
/// </summary>
public interface IPointwiseLoss
{
    /// <summary>
    /// κ = sup over y and z of |d²ℓ/dz²|: the curvature bound that sets SGD's default step.
    /// </summary>
    double CurvatureBound { get; }

    /// <summary>ℓ(y, z).</summary>
    double Value(double y, double z);

    /// <summary>ℓ(y, z) and, in the same evaluation, dℓ/dz.</summary>
    double ValueAndDerivative(double y, double z, out double derivative);

    /// <summary>
    /// A block of rows at once: value[k] = ℓ(y[k], z[k]) and derivative[k] = dℓ/dz at z[k]
    /// (the hot loop of the fused pass; blocks hold at most 64 rows).
    /// </summary>
    void ValuesAndDerivatives(ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> value, Span<double> derivative);

    /// <summary>dℓ/dz.</summary>
    double Derivative(double y, double z);

    /// <summary>d²ℓ/dz², the exact curvature (may be negative for a non-convex loss).</summary>
    double Curvature(double y, double z);

    /// <summary>A curvature that is never negative (Gauss–Newton for squared error; exact for BCE).</summary>
    double GaussNewtonCurvature(double y, double z);
}
