using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// The one fit: every model family over every row source takes the same steps — validate the options, ask the capability
/// table (<see cref="FitCapabilities"/>), let the problem check, weight and sum its rows (<see cref="FitProblem{TModel}"/>),
/// say what is fitted, start at the warm start (or 0) projected onto the penalty's feasible set, minimise, check the
/// minimum, log the outcome, and return the model in canonical form with a report of setting values.
/// </summary>
public static class Fitter
{
    /// <summary>Fits <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">Options out of range or not honoured by the family and source, a warm start of the wrong length, no rows, or a single class.</exception>
    public static FitResult<TModel> Fit<TModel>(FitProblem<TModel> problem, TrainerOptions? options = null) where TModel : class
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= TrainerOptions.Default;
        options.Validate();
        FitCapabilities.Require(problem.Family, problem.Source, options);
        if (options.InitialParameters is { } initial && initial.Count != problem.Dimension)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"InitialParameters has {initial.Count} values; {problem.StartLayout}."), nameof(options));
        }
        var plan = problem.Plan(options);
        var optimizer = OptimizerCatalog.Create(plan.Kind);
        options = plan.Options;
        options.Log?.Invoke(new LogEvent(LogSeverity.Info, string.Create(CultureInfo.InvariantCulture,
            $"Training {plan.Model} with {optimizer.Name} on {plan.Shape}, L2 = {options.L2Regularization}, L1 = {options.L1Regularization}, {options.ResolvedThreads} thread(s).")));
        var start = options.InitialParameters?.ToArray() ?? new double[plan.Objective.Dimension];
        plan.Objective.Penalty.ProjectOntoFeasibleSet(start); // a warm or random start that breaks the bound
        var result = plan.Minimize is { } minimize ? minimize(optimizer, start) : optimizer.Minimize(plan.Objective, start, options);
        var separation = plan.Check?.Invoke(result);
        result = UnboundedLikelihood.Amend(result, separation, problem.Family);
        FitOutcomeLog.Report(options, optimizer, result);
        var (model, theta) = problem.ModelOf(result.Minimizer, plan);
        return new FitResult<TModel>(model, new FitReport(plan.Kind, options, result with { Minimizer = theta }, separation));
    }
}
