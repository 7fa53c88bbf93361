namespace LogReg.Core.Losses;

/// <summary>
/// A loss ℓ(y, z) of one example as a function of its margin z = w·x + b and its label y ∈ {0, 1}.
/// Implemented by structs so that generic code over <c>TLoss : struct, IPointwiseLoss</c> is
/// specialised (no virtual call in the row loop).
/// </summary>
public interface IPointwiseLoss
{
    /// <summary>Which loss this is.</summary>
    LossKind Kind { get; }

    /// <summary>True when d²ℓ/dz² ≥ 0 for every z, so the objective is convex.</summary>
    bool IsConvex { get; }

    /// <summary>ℓ(y, z).</summary>
    double Value(double y, double z);

    /// <summary>ℓ(y, z) and, in the same evaluation, dℓ/dz.</summary>
    double ValueAndDerivative(double y, double z, out double derivative);

    /// <summary>dℓ/dz.</summary>
    double Derivative(double y, double z);

    /// <summary>d²ℓ/dz², the exact curvature (may be negative for a non-convex loss).</summary>
    double Curvature(double y, double z);

    /// <summary>A curvature that is never negative (Gauss–Newton for squared error; exact for BCE).</summary>
    double GaussNewtonCurvature(double y, double z);
}
