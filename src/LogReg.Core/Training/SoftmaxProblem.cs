using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Penalties;

namespace LogReg.Core.Training;

/// <summary>
/// The softmax model (multinomial logistic regression) over rows in memory, streamed or in shards: the
/// <see cref="SoftmaxObjective"/> on the whole set, summed block by block (<see cref="StreamingSoftmaxObjective"/>), or an
/// objective whose sums are made elsewhere (LogReg.Distributed); the minimiser in canonical form.
/// </summary>
internal sealed class SoftmaxProblem : FitProblem<SoftmaxModel>
{
    private readonly MulticlassTrainingSet? _data;
    private readonly IMulticlassBlockSource? _source;
    private readonly SummedObjective? _summed;
    private readonly string? _description;

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

    public SoftmaxProblem(SummedObjective objective, IReadOnlyList<string> classNames, IReadOnlyList<string>? featureNames, string description)
        : base(ModelFamily.Softmax, RowSource.Sharded)
    {
        _summed = objective;
        _description = description;
        (Classes, Features, ClassNames, FeatureNames) = (classNames.Count, objective.FeatureCount, classNames, featureNames);
        if (Classes < 2 || objective.Biases != Classes)
        {
            throw new ArgumentException($"The summed objective has {objective.Biases} biases for {Classes} class names; the softmax model needs one per class, at least two.",
                nameof(objective));
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
        // Newton forms the Hessian densely only for small problems with rows in memory (one pass, K²(d + 1)² per row); otherwise
        // it solves by conjugate gradients on Hessian-vector products (a summed objective's curvature is only a product).
        bool inMemory = _summed is null && _data is not null;
        int newtonLimit = options.DenseNewtonLimit;
        options = options with
        {
            DenseNewtonLimit = inMemory ? Math.Min(options.DenseNewtonLimit, OptimizerCatalog.SoftmaxDenseNewtonMaximumParameters) : 1,
        };
        IDifferentiableObjective objective;
        Func<OptimizationResult, Separation.SeparationResult?>? check = null;
        string rows;
        bool sparse;
        SparseRowShape? shape = null;
        if (_summed is { } summed)
        {
            var penalty = summed.Penalty;
            if (penalty.L2 != options.L2Regularization || penalty.L1 != options.L1Regularization || penalty.NonNegative != options.EnforceNonNegativity)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The summed objective was built with L2 = {penalty.L2}, L1 = {penalty.L1}, non-negativity {penalty.NonNegative}, but the fit's options say " +
                    $"L2 = {options.L2Regularization}, L1 = {options.L1Regularization}, non-negativity {options.EnforceNonNegativity}: build it from the options given to the fit."),
                    nameof(options));
            }
            objective = summed;
            (rows, sparse) = (string.Create(CultureInfo.InvariantCulture, $"{summed.RowCount} rows"), false);
        }
        else if (_data is { } data)
        {
            RequireTwoClasses(data.RowCount, data.ClassWeights(), nameof(data));
            var weighted = options.ClassWeighting.Apply(data);
            objective = new SoftmaxObjective(weighted, options.L2Regularization, options.L1Regularization, options.ResolvedThreads,
                options.EnforceNonNegativity);
            check = result => UnboundedLikelihood.CheckSoftmax(weighted, result, options);
            (rows, sparse) = ($"{data.RowCount} rows", data.Features.IsSparse);
            // Only Auto reads the shape (a pass over the stored values); an explicit optimizer skips it.
            shape = options.Optimizer == OptimizerKind.Auto && data.Features is SparseMatrix stored ? SparseRowShape.Of(stored, weighted.ExampleWeights) : null;
        }
        else
        {
            var streamed = new StreamingSoftmaxObjective(_source!, FitProblem.PenaltyOf(options, Classes * Features), options.ResolvedThreads,
                options.ClassWeighting, options.CancellationToken);
            objective = streamed;
            (rows, sparse) = (string.Create(CultureInfo.InvariantCulture, $"{streamed.RowCount} rows"), streamed.IsSparse);
        }
        var kind = OptimizerCatalog.ResolveSoftmax(options, Classes, Features, sparse, shape);
        string layout = _summed is not null ? _description! : _data is null ? $"streamed in blocks of {_source!.BlockRows} rows (one pass per evaluation)" : sparse ? "sparse" : "dense";
        var plan = new FitPlan(objective, kind, options, "softmax cross-entropy", $"{rows} × {Features} features × {Classes} classes ({layout})") { Check = check };
        if (SoftmaxNewtonHandoff.Applies(options, newtonLimit, kind, inMemory, objective.Penalty.IsSmooth, Classes, Features, shape))
        {
            plan = plan with { Minimize = (optimizer, start) => SoftmaxNewtonHandoff.Minimize(optimizer, objective, start, options, Classes, Features, sparse) };
        }
        return plan;
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
