using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>
/// The softmax model (multinomial logistic regression) over rows in memory or streamed: the <see cref="SoftmaxObjective"/>
/// on the whole set, or summed block by block (<see cref="StreamingSoftmaxObjective"/>); the minimiser in canonical form.
/// </summary>
internal sealed class SoftmaxProblem : FitProblem<SoftmaxModel>
{
    private readonly MulticlassTrainingSet? _data;
    private readonly IMulticlassBlockSource? _source;

    public SoftmaxProblem(MulticlassTrainingSet data)
        : base(ModelFamily.Softmax, RowSource.InMemory)
    {
        _data = data;
        (Classes, Features, ClassNames, FeatureNames) = (data.ClassCount, data.FeatureCount, data.ClassNames, data.FeatureNames);
    }

    public SoftmaxProblem(IMulticlassBlockSource source)
        : base(ModelFamily.Softmax, RowSource.Streamed)
    {
        _source = source;
        (Classes, Features, ClassNames, FeatureNames) = (source.ClassNames.Count, source.FeatureCount, source.ClassNames, source.FeatureNames);
        if (Classes < 2)
        {
            throw new ArgumentException($"The source names {Classes} class(es); multiclass classification needs at least two.", nameof(source));
        }
    }

    private int Classes { get; }

    private int Features { get; }

    private IReadOnlyList<string> ClassNames { get; }

    private IReadOnlyList<string>? FeatureNames { get; }

    internal override int Dimension => Classes * (Features + 1);

    internal override string StartLayout => string.Create(CultureInfo.InvariantCulture,
        $"{Classes} classes × ({Features} features + 1 bias) need {Dimension} (the K weight vectors, then the K biases)");

    internal override FitPlan Plan(TrainerOptions options)
    {
        // The softmax Hessian is only a product (one pass per column to make it dense), so Newton always solves by conjugate gradients.
        options = options with { DenseNewtonLimit = 1 };
        IDifferentiableObjective objective;
        string rows;
        bool sparse;
        if (_data is { } data)
        {
            RequireTwoClasses(data.RowCount, data.ClassWeights(), nameof(data));
            objective = new SoftmaxObjective(options.ClassWeighting.Apply(data), options.L2Regularization, options.L1Regularization, options.ResolvedThreads,
                options.EnforceNonNegativity);
            (rows, sparse) = ($"{data.RowCount} rows", data.Features.IsSparse);
        }
        else
        {
            var streamed = new StreamingSoftmaxObjective(_source!, FitProblem.PenaltyOf(options, Classes * Features), options.ResolvedThreads,
                options.ClassWeighting, options.CancellationToken);
            objective = streamed;
            (rows, sparse) = (string.Create(CultureInfo.InvariantCulture, $"{streamed.RowCount} rows"), streamed.IsSparse);
        }
        var kind = OptimizerCatalog.Resolve(ModelFamily.Softmax, options, Features, 0, sparse);
        string layout = _data is null ? $"streamed in blocks of {_source!.BlockRows} rows (one pass per evaluation)" : sparse ? "sparse" : "dense";
        return new FitPlan(objective, kind, options, "softmax cross-entropy", $"{rows} × {Features} features × {Classes} classes ({layout})");
    }

    internal override (SoftmaxModel Model, double[] Theta) ModelOf(double[] minimizer, FitPlan plan)
    {
        var theta = Canonical(minimizer, plan.Objective.Penalty);
        int weights = Classes * Features;
        return (new SoftmaxModel(theta.AsSpan(0, weights).ToArray(), theta.AsSpan(weights).ToArray(), ClassNames, FeatureNames), theta);
    }

    /// <summary>Refuses data without rows or with fewer than two classes of positive weight, in memory or streamed.</summary>
    internal static void RequireTwoClasses(long rows, IReadOnlyList<double> classWeights, string parameterName)
    {
        if (rows == 0)
        {
            throw new ArgumentException("The training data has no rows.", parameterName);
        }
        int present = classWeights.Count(w => w > 0);
        if (present < 2)
        {
            throw new ArgumentException(
                $"The training labels hold {present} class(es) with a positive weight; multiclass classification needs at least two.", parameterName);
        }
    }

    // Adding one vector to every class changes no probability. The biases are never penalised, so
    // they are centred (Σₖ bₖ = 0); the weights too when nothing penalises them. F is unchanged.
    private double[] Canonical(double[] minimizer, ElasticNetPenalty penalty)
    {
        int classes = Classes, features = Features;
        var theta = (double[])minimizer.Clone();
        bool unpenalised = penalty.L2 == 0 && penalty.L1 == 0 && !penalty.NonNegative;
        for (int j = 0; j <= features; j++)
        {
            if (j < features && !unpenalised)
            {
                continue;
            }
            int Index(int k) => j < features ? k * features + j : classes * features + k;
            double mean = 0;
            for (int k = 0; k < classes; k++)
            {
                mean += theta[Index(k)];
            }
            mean /= classes;
            for (int k = 0; k < classes; k++)
            {
                theta[Index(k)] -= mean;
            }
        }
        return theta;
    }
}
