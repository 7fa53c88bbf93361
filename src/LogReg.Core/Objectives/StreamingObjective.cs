using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;
using LogReg.Core.Training;

namespace LogReg.Core.Objectives;

/// <summary>
/// The same objective as <see cref="LinearModelObjective{TLoss}"/>, F(w, b) = Σ sᵢ·ℓ(yᵢ, zᵢ) + (L2/2)‖w‖²,
/// over data that are read again on every evaluation (<see cref="ITrainingBlockSource"/>) instead of
/// held in memory. Each block is summed by the in-memory objective (its fixed chunks, any thread
/// count) and the block sums are added in block order, so the result never depends on threads and
/// differs from the in-memory sum only by the grouping of the additions. The penalty is added once.
/// Every evaluation — value, gradient, curvature product, preconditioner — costs one pass over the source.
/// </summary>
public sealed class StreamingObjective : IPreconditionedObjective
{
    private readonly ITrainingBlockSource _source;
    private readonly LossKind _loss;
    private readonly int _threads;
    private readonly ClassWeighting _weighting;
    private readonly CancellationToken _cancellationToken;
    private readonly double[] _blockGradient;

    /// <summary>
    /// Reads the source once to count its rows and classes, and checks that both classes have weight.
    /// <paramref name="weighting"/> (balanced or explicit) is resolved on those counts and applied per block.
    /// </summary>
    public StreamingObjective(ITrainingBlockSource source, LossKind loss, ElasticNetPenalty penalty, int threads, ClassWeighting weighting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(penalty);
        ArgumentNullException.ThrowIfNull(weighting);
        if (penalty.PenalizedCount != source.FeatureCount)
        {
            throw new ArgumentException($"The penalty covers {penalty.PenalizedCount} coordinates but the source has {source.FeatureCount} features.", nameof(penalty));
        }
        _source = source;
        _loss = loss;
        _threads = threads;
        _cancellationToken = cancellationToken;
        Penalty = penalty;
        _blockGradient = new double[Dimension];

        long rows = 0, positives = 0;
        double positiveWeight = 0, negativeWeight = 0;
        source.ForEachBlock(block =>
        {
            rows += block.RowCount;
            positives += block.Labels.Count(y => y == 1.0);
            var (p, n) = block.ClassWeights();
            positiveWeight += p;
            negativeWeight += n;
        }, cancellationToken);
        RowCount = rows;
        if (positiveWeight <= 0 || negativeWeight <= 0)
        {
            throw new ArgumentException(
                rows == 0 ? "The training data has no rows; at least one row of each class is needed."
                : $"The training labels hold a single class (every row with a positive weight is {(positiveWeight > 0 ? "true (1)" : "false (0)")}); binary classification needs rows of both classes.",
                nameof(source));
        }
        // Balanced weights n/(2·n_k), on the row counts, as ClassWeighting.For does in memory.
        _weighting = weighting.Mode switch
        {
            ClassWeightingMode.Balanced => ClassWeighting.Explicit(rows / (2.0 * (rows - positives)), rows / (2.0 * positives)),
            _ => weighting,
        };
        var (negative, positive) = _weighting.Mode == ClassWeightingMode.Explicit ? (_weighting.Negative, _weighting.Positive) : (1.0, 1.0);
        double total = positive * positiveWeight + negative * negativeWeight;
        ValueScale = total > 0 ? total / rows : 1.0;
    }

    /// <summary>Rows in the source (one pass counted them).</summary>
    public long RowCount { get; }

    /// <inheritdoc/>
    public int Dimension => _source.FeatureCount + 1;

    /// <inheritdoc/>
    public ElasticNetPenalty Penalty { get; }

    /// <inheritdoc/>
    public double ValueScale { get; }

    /// <inheritdoc/>
    public double SmoothValue(ReadOnlySpan<double> x)
    {
        var theta = x.Slice(0, Dimension).ToArray();
        double sum = 0;
        Pass(o => sum += o.SmoothValue(theta));
        return sum + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var theta = x.Slice(0, Dimension).ToArray();
        var total = new double[Dimension];
        double sum = 0;
        Pass(o =>
        {
            sum += o.SmoothValueAndGradient(theta, _blockGradient);
            Numerics.VectorKernels.AddScaled(_blockGradient, 1.0, total);
        });
        total.CopyTo(gradient);
        Penalty.AddSmoothGradient(x, gradient);
        return sum + Penalty.SmoothValue(x);
    }

    /// <inheritdoc/>
    public ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false) =>
        new StreamingCurvature(this, x.Slice(0, Dimension).ToArray(), gaussNewton);

    /// <inheritdoc/>
    public IPreconditioner PreconditionerAt(ReadOnlySpan<double> x)
    {
        var theta = x.Slice(0, Dimension).ToArray();
        int d = _source.FeatureCount;
        var sum = new double[d];
        var squares = new double[d];
        double total = 0;
        Pass(o =>
        {
            var m = o.MomentsAt(theta);
            Numerics.VectorKernels.AddScaled(m.Sum, 1.0, sum);
            Numerics.VectorKernels.AddScaled(m.SumOfSquares, 1.0, squares);
            total += m.Total;
        });
        return CurvaturePreconditioner.FromMoments(new CurvatureMoments(sum, squares, total), Penalty.L2, center: Penalty.IsSmooth);
    }

    /// <summary>One pass: the unpenalised objective of each block (class weights applied), in block order.</summary>
    internal void Pass(Action<ILinearModelObjective> perBlock) =>
        _source.ForEachBlock(block => perBlock(ObjectiveFactory.Create(_weighting.Apply(block), _loss, 0, 0, _threads)), _cancellationToken);
}
