using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// F(w, b) = Σ over parts of the rows of their unpenalised sums + the penalty once, for rows that are not
/// in one in-memory objective: streamed blocks (<see cref="Training.StreamingObjective"/>) or remote shards
/// (LogReg.Distributed). A subclass only says how to reach its parts (<see cref="SumParts"/>, in a fixed
/// order); value, gradient, curvature and preconditioner are assembled here, once for both.
/// </summary>
public abstract class SummedObjective : IPreconditionedObjective
{
    /// <summary>Sets the penalty (its penalised count is d).</summary>
    protected SummedObjective(ElasticNetPenalty penalty)
    {
        Penalty = penalty ?? throw new ArgumentNullException(nameof(penalty));
    }

    /// <summary>d, the number of features.</summary>
    public int FeatureCount => Penalty.PenalizedCount;

    /// <inheritdoc/>
    public int Dimension => FeatureCount + 1;

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <inheritdoc/>
    public abstract double ValueScale { get; }

    /// <summary>Rows over all parts.</summary>
    public abstract long RowCount { get; }

    /// <summary>
    /// Asks every part for <paramref name="quantity"/> at θ and hands the answers to <paramref name="add"/>
    /// in the parts' fixed order (so the sum never depends on threads or placement).
    /// </summary>
    protected abstract void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add);

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x)
    {
        double sum = 0;
        SumParts(PartialQuantity.Value, Point(x), null, false, p => sum += p.Value);
        return sum + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var total = new double[Dimension];
        double sum = 0;
        SumParts(PartialQuantity.ValueAndGradient, Point(x), null, false, p =>
        {
            sum += p.Value;
            VectorKernels.AddScaled(p.Vector!, 1.0, total);
        });
        total.CopyTo(gradient);
        Penalty.AddSmoothGradient(x, gradient);
        return sum + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false) => new Curvature(this, Point(x), gaussNewton);

    /// <inheritdoc/>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> x) =>
        CurvaturePreconditioner.FromMoments(MomentsAt(x), Penalty.L2, center: Penalty.IsSmooth);

    /// <inheritdoc/>
    public double[] CurvatureDiagonalAt(ReadOnlySpan<double> x) => MomentsAt(x).Diagonal(Penalty.L2);

    // The parts' curvature moments, added in their fixed order: one round.
    private CurvatureMoments MomentsAt(ReadOnlySpan<double> x)
    {
        var sum = new double[FeatureCount];
        var squares = new double[FeatureCount];
        double total = 0;
        SumParts(PartialQuantity.CurvatureMoments, Point(x), null, false, p =>
        {
            VectorKernels.AddScaled(p.Vector!, 1.0, sum);
            VectorKernels.AddScaled(p.Squares!, 1.0, squares);
            total += p.Total;
        });
        return new CurvatureMoments(sum, squares, total);
    }

    private double[] Point(ReadOnlySpan<double> x) => x.Slice(0, Dimension).ToArray();

    // The curvature at a fixed point: every product (and the dense form) is one round over the parts.
    private sealed class Curvature(SummedObjective owner, double[] theta, bool gaussNewton) : ICurvature
    {
        public int Dimension => theta.Length;

        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            var total = new double[Dimension];
            owner.SumParts(PartialQuantity.CurvatureTimesVector, theta, v.Slice(0, Dimension).ToArray(), gaussNewton, p => VectorKernels.AddScaled(p.Vector!, 1.0, total));
            total.CopyTo(result);
            owner.Penalty.AddSmoothCurvature(v, result);
        }

        public double[] ToDense()
        {
            var h = new double[Dimension * Dimension];
            owner.SumParts(PartialQuantity.DenseCurvature, theta, null, gaussNewton, p => VectorKernels.AddScaled(p.Vector!, 1.0, h));
            owner.Penalty.AddSmoothCurvatureToDense(h, Dimension);
            return h;
        }
    }
}
