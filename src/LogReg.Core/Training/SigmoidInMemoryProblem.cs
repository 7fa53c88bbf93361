using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The binary model on rows in memory: the loss's objective (or Firth's, <see cref="FirthObjective"/>) on the weighted set,
/// OWL-QN in centred-bias coordinates, and the separation proof after an unpenalised cross-entropy fit.
/// </summary>
internal sealed class SigmoidInMemoryProblem(TrainingSet data, bool checkSeparation = true) : FitProblem<LogisticModel>(ModelFamily.Sigmoid, RowSource.InMemory)
{
    /// <summary>Firth's iterations stop at 200 unless the options cap them.</summary>
    public const int FirthIterationCap = 200;

    internal override int Dimension => data.FeatureCount + 1;

    internal override string StartLayout => SigmoidSummedProblem.Layout(data.FeatureCount);

    internal override FitPlan Plan(TrainerOptions options)
    {
        var (positive, negative) = data.ClassWeights();
        LogisticRegressionTrainer.RequireBothClasses(data.RowCount, positive, negative, nameof(data));
        var weighted = options.ClassWeighting.Apply(data);
        string rows = string.Create(CultureInfo.InvariantCulture, $"{data.RowCount} rows × {data.FeatureCount} features");
        if (options.FirthBiasReduction)
        {
            return new FitPlan(FirthLogisticRegression.ObjectiveFor(weighted), OptimizerKind.Newton,
                options with { MaximumNumberOfIterations = options.MaximumNumberOfIterations ?? FirthIterationCap },
                "BinaryCrossEntropy with Firth's penalty ½·ln|I|", $"{rows} (dense information matrix)");
        }
        var kind = OptimizerCatalog.Resolve(ModelFamily.Sigmoid, options, data.FeatureCount, data.RowCount, data.Features.IsSparse);
        var objective = ObjectiveFactory.Create(weighted, options.Loss, options.L2Regularization, options.L1Regularization, options.ResolvedThreads,
            options.EnforceNonNegativity);
        return new FitPlan(objective, kind, options, options.Loss.ToString(), $"{rows} ({(data.Features.IsSparse ? "sparse" : "dense")})")
        {
            // OWL-QN runs in centred-bias coordinates (same weights, same L1 term): see CenteredBiasObjective.
            Minimize = kind == OptimizerKind.Lbfgs && !objective.Penalty.IsSmooth ? (optimizer, start) => Centred(optimizer, objective, start, options) : null,
            Check = checkSeparation ? result => UnboundedLikelihood.Check(weighted, objective, result, options) : null,
        };
    }

    internal override (LogisticModel Model, double[] Theta) ModelOf(double[] minimizer, FitPlan plan) =>
        (SigmoidSummedProblem.Model(minimizer, data.FeatureCount, plan.Options.FirthBiasReduction ? LossKind.BinaryCrossEntropy : plan.Options.Loss,
            data.FeatureNames), minimizer);

    private static OptimizationResult Centred(IOptimizer optimizer, ILinearModelObjective objective, double[] start, TrainerOptions options)
    {
        var centred = new CenteredBiasObjective(objective);
        var found = optimizer.Minimize(centred, centred.FromOriginal(start), options);
        var theta = new double[objective.Dimension];
        centred.ToOriginal(found.Minimizer, theta);
        return found with { Minimizer = theta };
    }
}
