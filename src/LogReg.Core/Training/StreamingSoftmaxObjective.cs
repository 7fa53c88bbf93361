using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>
/// The softmax cross-entropy of <see cref="SoftmaxObjective"/> over data read again on every evaluation
/// (<see cref="IMulticlassBlockSource"/>): each block is summed by the in-memory objective (its fixed chunks, any thread count)
/// and the block sums are added in block order (<see cref="SummedObjective"/> with K biases), so the result never depends on
/// threads and differs from the in-memory sum only by the grouping of the additions.
/// </summary>
public sealed class StreamingSoftmaxObjective : SummedObjective
{
    private readonly IMulticlassBlockSource _source;
    private readonly int _threads;
    private readonly double[]? _factors;
    private readonly CancellationToken _cancellationToken;

    /// <summary>
    /// Reads the source once to count its rows per class, and checks that two classes have weight; balanced weighting is
    /// resolved on those counts (<see cref="ClassWeighting.FactorsFor"/>) and applied per block.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, fewer than two classes with weight, or explicit (two-class) weights.</exception>
    public StreamingSoftmaxObjective(IMulticlassBlockSource source, ElasticNetPenalty penalty, int threads, ClassWeighting weighting, CancellationToken cancellationToken = default)
        : base(penalty, (source ?? throw new ArgumentNullException(nameof(source))).ClassNames.Count)
    {
        ArgumentNullException.ThrowIfNull(weighting);
        int classes = source.ClassNames.Count;
        if (penalty.PenalizedCount != classes * source.FeatureCount)
        {
            throw new ArgumentException($"The penalty covers {penalty.PenalizedCount} coordinates but the source has {classes} classes × {source.FeatureCount} features.", nameof(penalty));
        }
        _source = source;
        _threads = threads;
        _cancellationToken = cancellationToken;
        var counts = new long[classes];
        var weights = new double[classes];
        bool sparse = false;
        source.ForEachBlock(block =>
        {
            sparse |= block.Features.IsSparse;
            foreach (int y in block.Labels)
            {
                counts[y]++;
            }
            var w = block.ClassWeights();
            for (int k = 0; k < classes; k++)
            {
                weights[k] += w[k];
            }
        }, cancellationToken);
        IsSparse = sparse;
        RowCount = counts.Sum();
        SoftmaxProblem.RequireTwoClasses(RowCount, weights, nameof(source));
        if (weighting.Mode == ClassWeightingMode.Explicit)
        {
            throw new ArgumentException(FitCapabilities.Check(ModelFamily.Softmax, RowSource.Streamed, TrainerOptions.Default with { ClassWeighting = weighting })!.Message,
                nameof(weighting));
        }
        _factors = weighting.Mode == ClassWeightingMode.None ? null : weighting.FactorsFor(counts);
        ValueScale = weights.Select((w, k) => w * (_factors?[k] ?? 1.0)).Sum() / RowCount;
    }

    /// <summary>Whether the source hands over sparse blocks (for Auto).</summary>
    public bool IsSparse { get; }

    /// <summary>Rows in the source (one pass counted them).</summary>
    public override long RowCount { get; }

    /// <inheritdoc/>
    public override double ValueScale { get; }

    /// <inheritdoc/>
    protected override void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add) =>
        _source.ForEachBlock(block =>
            add(PartialSums.Of(new SoftmaxObjective(_factors is null ? block : block.WithClassFactors(_factors), 0, 0, _threads), quantity, theta, vector, gaussNewton)),
            _cancellationToken);
}
