using LogReg.Core.Optimization;

namespace LogReg.Core.Objectives;

/// <summary>What a part of the rows (a streamed block, a remote shard) is asked to sum.</summary>
public enum PartialQuantity
{
    /// <summary>Σ sᵢℓ(yᵢ, zᵢ).</summary>
    Value,

    /// <summary>The value and its gradient.</summary>
    ValueAndGradient,

    /// <summary>The curvature (Hessian or Gauss–Newton) times a vector.</summary>
    CurvatureTimesVector,

    /// <summary>The dense curvature matrix (row-major).</summary>
    DenseCurvature,

    /// <summary>The curvature moments (the sigmoid model's preconditioner inputs).</summary>
    CurvatureMoments,

    /// <summary>The curvature's diagonal (the softmax model's preconditioner).</summary>
    CurvatureDiagonal,

    /// <summary>The softmax curvature's column sums Σᵢ cᵢₖ·xᵢⱼ (θ's layout; the biases' Σᵢ cᵢₖ): its preconditioner's centres.</summary>
    CurvatureColumnSums,
}

/// <summary>
/// A part's unpenalised sums: <see cref="Value"/>; <see cref="Vector"/> = the gradient, the curvature
/// product, the dense curvature, the curvature's diagonal or the moments' Σcᵢxᵢ; <see cref="Squares"/> and <see cref="Total"/> the
/// moments' Σcᵢxᵢ² and Σcᵢ.
/// </summary>
public sealed record PartialSums(double Value, double[]? Vector = null, double[]? Squares = null, double Total = 0)
{
    /// <summary>
    /// The requested quantity of the unpenalised objective of one part of the rows (an <see cref="ILinearModelObjective"/> or a
    /// <see cref="SoftmaxObjective"/>; the moments are the sigmoid model's only).
    /// </summary>
    public static PartialSums Of(IPreconditionedObjective part, PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton)
    {
        ArgumentNullException.ThrowIfNull(part);
        switch (quantity)
        {
            case PartialQuantity.Value:
                return new PartialSums(part.SmoothValue(theta));
            case PartialQuantity.ValueAndGradient:
                var gradient = new double[part.Dimension];
                return new PartialSums(part.SmoothValueAndGradient(theta, gradient), gradient);
            case PartialQuantity.CurvatureTimesVector:
                var product = new double[part.Dimension];
                part.HessianAt(theta, gaussNewton).Multiply(vector ?? throw new ArgumentNullException(nameof(vector), "A curvature product needs a vector."), product);
                return new PartialSums(0, product);
            case PartialQuantity.DenseCurvature:
                return new PartialSums(0, part.HessianAt(theta, gaussNewton).ToDense());
            case PartialQuantity.CurvatureDiagonal:
                return new PartialSums(0, part.CurvatureDiagonalAt(theta) ?? throw new ArgumentException("The part offers no curvature diagonal.", nameof(part)));
            case PartialQuantity.CurvatureColumnSums:
                return new PartialSums(0, (part as SoftmaxObjective ?? throw new ArgumentException("Curvature column sums are the softmax model's.", nameof(part))).CurvatureColumnSumsAt(theta));
            case PartialQuantity.CurvatureMoments:
                var moments = (part as ILinearModelObjective ?? throw new ArgumentException("Curvature moments are the sigmoid model's.", nameof(part))).MomentsAt(theta);
                return new PartialSums(0, moments.Sum, moments.SumOfSquares, moments.Total);
            default:
                throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown partial quantity.");
        }
    }
}
