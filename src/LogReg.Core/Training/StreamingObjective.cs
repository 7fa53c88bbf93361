using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Penalties;
using LogReg.Core.Objectives;

namespace LogReg.Core.Training;

/// <summary>
/// The same objective as <see cref="LinearModelObjective{TLoss}"/>, F(w, b) = Σ sᵢ·ℓ(yᵢ, zᵢ) + (L2/2)‖w‖²,
/// over data that are read again on every evaluation (<see cref="ITrainingBlockSource"/>) instead of
/// held in memory. Each block is summed by the in-memory objective (its fixed chunks, any thread
/// count) and the block sums are added in block order (<see cref="SummedObjective"/>), so the result
/// never depends on threads and differs from the in-memory sum only by the grouping of the additions.
/// Every evaluation — value, gradient, curvature product, preconditioner — costs one pass over the source.
/// </summary>
public sealed class StreamingObjective : SummedObjective
{
    private readonly ITrainingBlockSource _source;
    private readonly LossKind _loss;
    private readonly int _threads;
    private readonly ClassWeighting _weighting;
    private readonly CancellationToken _cancellationToken;

    /// <summary>
    /// Reads the source once to count its rows and classes, and checks that both classes have weight.
    /// <paramref name="weighting"/> (balanced or explicit) is resolved on those counts and applied per block.
    /// </summary>
    public StreamingObjective(ITrainingBlockSource source, LossKind loss, ElasticNetPenalty penalty, int threads, ClassWeighting weighting, CancellationToken cancellationToken = default)
        : base(penalty)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(weighting);
        if (penalty.PenalizedCount != source.FeatureCount)
        {
            throw new ArgumentException($"The penalty covers {penalty.PenalizedCount} coordinates but the source has {source.FeatureCount} features.", nameof(penalty));
        }
        _source = source;
        _loss = loss;
        _threads = threads;
        _cancellationToken = cancellationToken;

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
        LogisticRegressionTrainer.RequireBothClasses(rows, positiveWeight, negativeWeight, nameof(source));
        RowCount = rows;
        var (negative, positive) = weighting.For(rows, positives);
        _weighting = weighting.Mode == ClassWeightingMode.None ? weighting : ClassWeighting.Explicit(negative, positive);
        ValueScale = (positive * positiveWeight + negative * negativeWeight) / rows;
    }

    /// <summary>Rows in the source (one pass counted them).</summary>
    public override long RowCount { get; }

    /// <inheritdoc/>
    public override double ValueScale { get; }

    /// <inheritdoc/>
    protected override void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add) =>
        _source.ForEachBlock(block =>
            add(PartialSums.Of(ObjectiveFactory.Create(_weighting.Apply(block), _loss, 0, 0, _threads), quantity, theta, vector, gaussNewton)),
            _cancellationToken);
}
