using LogReg.Core.Data;
using LogReg.Core.Objectives;

namespace LogReg.Core.Training;

/// <summary>
/// A fit to be made: a model family (<see cref="ModelFamily"/>) over a row source (<see cref="RowSource"/>). The
/// <see cref="Fitter"/> runs every problem through the same steps; a problem says only how its rows are checked,
/// weighted and summed and how a minimiser becomes its model. Make one with <see cref="FitProblem"/>'s factories.
/// </summary>
/// <typeparam name="TModel"><see cref="LogisticModel"/> or <see cref="SoftmaxModel"/>.</typeparam>
public abstract class FitProblem<TModel> where TModel : class
{
    private protected FitProblem(ModelFamily family, RowSource source)
    {
        Family = family;
        Source = source;
    }

    /// <summary>The model the fit produces.</summary>
    public ModelFamily Family { get; }

    /// <summary>Where the rows live.</summary>
    public RowSource Source { get; }

    /// <summary>θ's length: K·(d + 1), or d + 1 for the sigmoid (known before any pass).</summary>
    internal abstract int Dimension { get; }

    /// <summary>Checks the rows (count, classes), applies the class weights once, builds the objective and resolves Auto.</summary>
    internal abstract FitPlan Plan(TrainerOptions options);

    /// <summary>The model of a minimiser, in canonical form (the same probabilities); also the θ the report keeps.</summary>
    internal abstract (TModel Model, double[] Theta) ModelOf(double[] minimizer, FitPlan plan);

    /// <summary>How many values a warm start needs and in which order (for the refusal of one of the wrong length).</summary>
    internal abstract string StartLayout { get; }
}

/// <summary>The problems the <see cref="Fitter"/> takes: each family over each row source it supports (<see cref="FitCapabilities"/>).</summary>
public static class FitProblem
{
    /// <summary>The binary model on rows in memory.</summary>
    public static FitProblem<LogisticModel> Binary(TrainingSet data) => new SigmoidInMemoryProblem(data ?? throw new ArgumentNullException(nameof(data)));

    /// <summary>
    /// The same without the separation proof after an unpenalised fit: for the statistics, which run it once, on the columns
    /// they describe, before their fit.
    /// </summary>
    internal static FitProblem<LogisticModel> BinaryUnchecked(TrainingSet data) =>
        new SigmoidInMemoryProblem(data ?? throw new ArgumentNullException(nameof(data)), checkSeparation: false);

    /// <summary>The binary model on rows read again on every pass (one pass per evaluation).</summary>
    public static FitProblem<LogisticModel> Binary(ITrainingBlockSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SigmoidSummedProblem(RowSource.Streamed, source.FeatureCount, source.FeatureNames,
            $"streamed in blocks of {source.BlockRows} rows (one pass per evaluation)",
            options => new StreamingObjective(source, options.Loss, PenaltyOf(options, source.FeatureCount), options.ResolvedThreads, options.ClassWeighting,
                options.CancellationToken));
    }

    /// <summary>
    /// The binary model on an objective whose sums are made elsewhere (remote shards). <paramref name="objective"/> must be
    /// built from the options the fit is given: its penalty and its one bias are checked (a mismatch is refused); its loss
    /// and class weights, which a summed objective does not expose, are the caller's to keep equal to the options'
    /// (<c>DistributedObjective.OpenAsync</c> takes them from the same options).
    /// </summary>
    /// <param name="objective">F over (w, b), summed over parts in a fixed order.</param>
    /// <param name="featureNames">Optional names of the d features.</param>
    /// <param name="description">How the rows are reached, for the log line.</param>
    public static FitProblem<LogisticModel> Sharded(SummedObjective objective, IReadOnlyList<string>? featureNames, string description)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new SigmoidSummedProblem(RowSource.Sharded, objective.FeatureCount, featureNames, description, _ => objective);
    }

    /// <summary>The softmax model on rows in memory.</summary>
    public static FitProblem<SoftmaxModel> Softmax(MulticlassTrainingSet data) => new SoftmaxProblem(data ?? throw new ArgumentNullException(nameof(data)));

    /// <summary>The softmax model on rows read again on every pass (one pass per evaluation).</summary>
    public static FitProblem<SoftmaxModel> Softmax(IMulticlassBlockSource source) => new SoftmaxProblem(source ?? throw new ArgumentNullException(nameof(source)));

    /// <summary>
    /// The softmax model on an objective whose sums are made elsewhere (remote shards): K = <paramref name="classNames"/>
    /// biases; the penalty must be the options' (checked), and the class weights the caller's to keep equal to them.
    /// </summary>
    /// <param name="objective">F over (W, b), summed over parts in a fixed order, with one bias per class.</param>
    /// <param name="classNames">The K classes, in the order of the objective's biases.</param>
    /// <param name="featureNames">Optional names of the d features.</param>
    /// <param name="description">How the rows are reached, for the log line.</param>
    public static FitProblem<SoftmaxModel> ShardedSoftmax(SummedObjective objective, IReadOnlyList<string> classNames, IReadOnlyList<string>? featureNames, string description)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(classNames);
        return new SoftmaxProblem(objective, classNames, featureNames, description ?? "");
    }

    internal static Penalties.ElasticNetPenalty PenaltyOf(TrainerOptions options, int penalized) =>
        new(options.L2Regularization, options.L1Regularization, penalized, options.EnforceNonNegativity);
}
