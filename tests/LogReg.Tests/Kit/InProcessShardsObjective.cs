using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Penalties;
using LogReg.Core.Training;

namespace LogReg.Tests.Kit;

/// <summary>
/// The sharded row source without a cluster: a <see cref="SummedObjective"/> over in-memory parts, asked in part order, with
/// class weights resolved on the totals as the distributed objective resolves them — what <c>FitProblem.Sharded</c> sees
/// from LogReg.Distributed, for the Core contract suite (the Orleans path has its own tests).
/// </summary>
public sealed class InProcessShardsObjective : SummedObjective
{
    private readonly IReadOnlyList<TrainingSet> _parts;
    private readonly LossKind _loss;
    private readonly int _threads;

    public InProcessShardsObjective(IReadOnlyList<TrainingSet> parts, TrainerOptions options)
        : base(new ElasticNetPenalty(options.L2Regularization, options.L1Regularization, parts[0].FeatureCount, options.EnforceNonNegativity))
    {
        _loss = options.Loss;
        _threads = options.ResolvedThreads;
        RowCount = parts.Sum(p => (long)p.RowCount);
        long positives = parts.Sum(p => (long)p.Labels.Count(y => y == 1.0));
        var (negative, positive) = options.ClassWeighting.For(RowCount, positives);
        var weighting = ClassWeighting.Explicit(negative, positive);
        _parts = parts.Select(weighting.Apply).ToList();
        ValueScale = _parts.Sum(p => p.ExampleWeights!.Sum()) / RowCount;
    }

    public override long RowCount { get; }

    public override double ValueScale { get; }

    protected override void SumParts(PartialQuantity quantity, double[] theta, double[]? vector, bool gaussNewton, Action<PartialSums> add)
    {
        foreach (var part in _parts)
        {
            add(PartialSums.Of(ObjectiveFactory.Create(part, _loss, 0, 0, _threads), quantity, theta, vector, gaussNewton));
        }
    }
}
