using System.Globalization;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;

namespace LogReg.Core.Training;

/// <summary>
/// The binary model on an objective whose sums over rows are made elsewhere — streamed blocks
/// (<see cref="StreamingObjective"/>) or remote shards (LogReg.Distributed): the objective is built once the options are
/// checked; every evaluation is one pass or one round of shard calls.
/// </summary>
internal sealed class SigmoidSummedProblem(RowSource source, int featureCount, IReadOnlyList<string>? featureNames, string description,
    Func<TrainerOptions, SummedObjective> objectiveFor) : FitProblem<LogisticModel>(ModelFamily.Sigmoid, source)
{
    internal override int Dimension => featureCount + 1;

    internal override string StartLayout => Layout(featureCount);

    internal override FitPlan Plan(TrainerOptions options)
    {
        var objective = objectiveFor(options);
        var penalty = objective.Penalty;
        if (objective.Biases != 1 || objective.FeatureCount != featureCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The summed objective has {objective.Biases} bias(es) and {objective.FeatureCount} features; the binary model over {featureCount} features needs 1 and {featureCount}."),
                nameof(options));
        }
        if (penalty.L2 != options.L2Regularization || penalty.L1 != options.L1Regularization || penalty.NonNegative != options.EnforceNonNegativity)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The summed objective was built with L2 = {penalty.L2}, L1 = {penalty.L1}, non-negativity {penalty.NonNegative}, but the fit's options say " +
                $"L2 = {options.L2Regularization}, L1 = {options.L1Regularization}, non-negativity {options.EnforceNonNegativity}: build it from the options given to the fit."),
                nameof(options));
        }
        var kind = OptimizerCatalog.Resolve(ModelFamily.Sigmoid, options, featureCount, objective.RowCount, sparse: false);
        return new FitPlan(objective, kind, options, options.Loss.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{objective.RowCount} rows × {featureCount} features ({description})"));
    }

    internal override (LogisticModel Model, double[] Theta) ModelOf(double[] minimizer, FitPlan plan) =>
        (Model(minimizer, featureCount, plan.Options.Loss, featureNames), minimizer);

    /// <summary>The sigmoid model of θ = (w, b).</summary>
    internal static LogisticModel Model(double[] theta, int featureCount, LossKind loss, IReadOnlyList<string>? names) =>
        new(theta.AsSpan(0, featureCount).ToArray(), theta[featureCount], loss, names);

    internal static string Layout(int featureCount) => string.Create(CultureInfo.InvariantCulture,
        $"the data have {featureCount} features, so {featureCount + 1} are needed (the weights, then the bias)");
}
