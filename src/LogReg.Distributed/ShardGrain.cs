using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Training;

namespace LogReg.Distributed;

/// <summary>
/// Holds one shard in the core's compact form and sums over it with the in-memory objective (its
/// fixed chunks: the sums do not depend on the silo's threads). Loaded lazily from the spec every
/// call carries, so a re-activation elsewhere reads the same files again.
/// </summary>
public sealed class ShardGrain : Grain, IShardGrain
{
    private TrainingSet? _data;
    private ShardSummary? _summary;

    /// <inheritdoc/>
    public Task<ShardSummary> Open(ShardSpec spec) => Task.FromResult(Ensure(spec));

    /// <inheritdoc/>
    public Task<ShardPartial> Evaluate(ShardSpec spec, ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = Ensure(spec);
        var data = _data!;
        if (request.NegativeWeight != 1 || request.PositiveWeight != 1)
        {
            data = ClassWeighting.Explicit(request.NegativeWeight, request.PositiveWeight).Apply(data);
        }
        var objective = ObjectiveFactory.Create(data, request.Loss, 0, 0, request.Threads);
        var theta = request.Theta;
        ShardPartial Result(double value, double[]? vector = null, double[]? squares = null, double total = 0) =>
            new(value, vector, squares, total, summary.Rows, summary.Checksum);
        var partial = request.Quantity switch
        {
            ShardQuantity.Value => Result(objective.SmoothValue(theta)),
            ShardQuantity.ValueAndGradient => Gradient(objective, theta, Result),
            ShardQuantity.CurvatureTimesVector => Product(objective, request, Result),
            ShardQuantity.DenseCurvature => Result(0, objective.HessianAt(theta, request.GaussNewton).ToDense()),
            ShardQuantity.CurvatureMoments => Moments(objective.MomentsAt(theta), Result),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Quantity, "Unknown shard quantity."),
        };
        return Task.FromResult(partial);
    }

    private static ShardPartial Gradient(ILinearModelObjective objective, double[] theta, Func<double, double[]?, double[]?, double, ShardPartial> result)
    {
        var gradient = new double[objective.Dimension];
        double value = objective.SmoothValueAndGradient(theta, gradient);
        return result(value, gradient, null, 0);
    }

    private static ShardPartial Product(ILinearModelObjective objective, ShardRequest request, Func<double, double[]?, double[]?, double, ShardPartial> result)
    {
        var product = new double[objective.Dimension];
        objective.HessianAt(request.Theta, request.GaussNewton).Multiply(request.Vector ?? throw new ArgumentException("A curvature product needs a vector."), product);
        return result(0, product, null, 0);
    }

    private static ShardPartial Moments(CurvatureMoments moments, Func<double, double[]?, double[]?, double, ShardPartial> result) =>
        result(0, moments.Sum, moments.SumOfSquares, moments.Total);

    private ShardSummary Ensure(ShardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_summary is not null)
        {
            return _summary;
        }
        var data = ShardLoader.Load(spec);
        var (positive, negative) = data.ClassWeights();
        _summary = new ShardSummary(data.RowCount, data.Labels.Count(y => y == 1.0), positive, negative, data.FeatureCount,
            ShardLoader.Checksum(data), data.FeatureNames);
        _data = data;
        return _summary;
    }
}
