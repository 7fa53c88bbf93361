using LogReg.Core.Numerics;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Objectives;

/// <summary>
/// F(θ) = Σ over parts of the rows of their unpenalised sums + the penalty once, for rows that are not
/// in one in-memory objective: streamed blocks (<see cref="Training.StreamingObjective"/>,
/// <see cref="Training.StreamingSoftmaxObjective"/>) or remote shards (LogReg.Distributed), for either family:
/// θ = (w, b) of the sigmoid model (one bias) or (W₀ … W_{K−1}, b₀ … b_{K−1}) of the softmax (K biases). A subclass
/// only says how to reach its parts (<see cref="SumParts"/>, in a fixed order); value, gradient, curvature and
/// preconditioner are assembled here, once for every family and source.
/// </summary>
public abstract class SummedObjective : IPreconditionedObjective
{
    /// <summary>Sets the penalty (its penalised count is the K·d weights) and the number of biases K (1 for the sigmoid model).</summary>
    protected SummedObjective(ElasticNetPenalty penalty, int biases = 1)
    {
        Penalty = penalty ?? throw new ArgumentNullException(nameof(penalty));
        ArgumentOutOfRangeException.ThrowIfLessThan(biases, 1);
        Biases = biases;
    }

    /// <summary>d, the number of features.</summary>
    public int FeatureCount => Penalty.PenalizedCount / Biases;

    /// <summary>The biases at the end of θ: 1 for the sigmoid model, K for the softmax.</summary>
    public int Biases { get; }

    /// <inheritdoc/>
    public int Dimension => Penalty.PenalizedCount + Biases;

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

    /// <summary>
    /// The preconditioner the rows in memory would give (<see cref="SoftmaxObjective.PreconditionerAt"/> for the softmax):
    /// the sigmoid model's from the curvature moments, the softmax's per class from the diagonal and the column sums
    /// (the diagonal alone under L1 or non-negativity).
    /// </summary>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> x)
    {
        if (Biases == 1)
        {
            return CurvaturePreconditioner.FromMoments(MomentsAt(x), Penalty.L2, center: Penalty.IsSmooth);
        }
        var diagonal = CurvatureDiagonalAt(x);
        if (!Penalty.IsSmooth)
        {
            return new DiagonalPreconditioner(diagonal);
        }
        return SoftmaxCenteredPreconditioner.From(diagonal, SummedVector(PartialQuantity.CurvatureColumnSums, x), Biases, FeatureCount, Penalty.L2);
    }

    /// <inheritdoc/>
    public double[] CurvatureDiagonalAt(ReadOnlySpan<double> x)
    {
        if (Biases == 1)
        {
            return MomentsAt(x).Diagonal(Penalty.L2);
        }
        var diagonal = SummedVector(PartialQuantity.CurvatureDiagonal, x);
        for (int j = 0; j < Penalty.PenalizedCount; j++)
        {
            diagonal[j] += Penalty.L2;
        }
        return diagonal;
    }

    // A per-part vector quantity at x (θ's layout), the parts added in their fixed order: one round.
    private double[] SummedVector(PartialQuantity quantity, ReadOnlySpan<double> x)
    {
        var total = new double[Dimension];
        SumParts(quantity, Point(x), null, false, p => VectorKernels.AddScaled(p.Vector!, 1.0, total));
        return total;
    }

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
