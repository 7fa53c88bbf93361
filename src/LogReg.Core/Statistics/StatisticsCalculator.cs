using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;
using LogReg.Core.Separation;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// Coefficient statistics of a logistic model, in managed code (no MKL): standard errors, z,
/// two-sided p-values, 95% Wald intervals, odds ratios, log-likelihood, deviance, AIC, BIC,
/// McFadden's pseudo-R², likelihood-ratio test. Verdicts are proved, not guessed: the rank of
/// [1 X] (<see cref="RankAnalysis"/>: aliased coefficients are reported as R's glm reports them
/// and the degrees of freedom use the rank) and separation (<see cref="SeparationCheck"/>, a
/// linear program) decide whether the maximum-likelihood estimate exists; fitted probabilities
/// numerically 0 or 1 are only a note. Above <see cref="MaximumParameters"/> parameters only the
/// fit-level figures are given, with a note. Nothing here throws for what the data are.
/// </summary>
public static class StatisticsCalculator
{
    /// <summary>|z| above which R's glm calls a fitted probability "numerically 0 or 1" (p or 1 − p &lt; 10·ε).</summary>
    public static readonly double ExtremeMargin = Math.Log(1 / (10 * 2.220446049250313e-16));

    /// <summary>Most parameters (features + intercept) with coefficient-level statistics: the covariance is dense.</summary>
    public const int MaximumParameters = 2000;

    /// <summary>
    /// What a statistician fits by default: the unpenalised maximum-likelihood estimate (L2 = 0) by
    /// Newton's method to a tight tolerance (1e-10) — quadratic convergence certifies the optimum to
    /// that tolerance, where L-BFGS can run out of representable progress first — every other
    /// option the trainer's default.
    /// </summary>
    public static TrainerOptions MaximumLikelihoodOptions { get; } = new() { L2Regularization = 0, OptimizationTolerance = 1e-10, Optimizer = OptimizerKind.Newton };

    /// <summary>Iterations of an unpenalised fit on data the separation check proved separated (R's glm: maxit = 25).</summary>
    public const int SeparatedIterationCap = 25;

    /// <summary>
    /// Fits with the trainer (<paramref name="options"/>, by default <see cref="MaximumLikelihoodOptions"/>)
    /// and computes the statistics of that fit. An unpenalised binary cross-entropy fit is preceded by the separation
    /// check: on separated data the likelihood has no maximum, so the fit stops after <see cref="SeparatedIterationCap"/>
    /// iterations, as R's glm does, instead of chasing it.
    /// </summary>
    public static ModelStatistics Fit(TrainingSet data, TrainerOptions? options = null, StatisticsOptions? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= MaximumLikelihoodOptions;
        SeparationResult? separation = null;
        KnownRank? known = null;
        FitResult<LogisticModel> fit;
        if (options.IsUnpenalised && !options.FirthBiasReduction
            && options.Loss == LossKind.BinaryCrossEntropy)
        {
            // The verdict is about the model the statistics describe, without its aliased columns: an exactly aliased
            // column spans no direction the others do not, and one aliased within the rank tolerance (a column far
            // from 0 that is a combination up to single precision's steps) must not separate by its rounding.
            var weighted = options.ClassWeighting.Apply(data);
            known = new KnownRank(data.FeatureCount + 1 > MaximumParameters ? null : RankAnalysis.Inspect(weighted));
            var aliased = known.Rank?.Aliased;
            var checkedData = aliased is { Count: > 0 }
                ? weighted.SelectFeatures(Enumerable.Range(0, data.FeatureCount).Where(j => !aliased.Contains(j + 1)).ToList())
                : weighted;
            // First the fit as it runs on separated data (R's glm stops there too); converged, its probabilities are the
            // certificate that no direction separates (FittedOverlap) and the interior-point check is not needed.
            var capped = options with { MaximumNumberOfIterations = Math.Min(options.MaximumNumberOfIterations ?? SeparatedIterationCap, SeparatedIterationCap) };
            fit = FitOnShiftedColumns(data, capped);
            bool converged = fit.Report.Optimization.Converged;
            var margins = converged ? ObjectiveFactory.Create(weighted, LossKind.BinaryCrossEntropy, 0).Margins(fit.Model.ToParameters()) : null;
            separation = SeparationCheck.AfterFit(checkedData, margins, options.ResolvedThreads, options.CancellationToken);
            fit = separation.Separated ? fit
                // A fit that converged within the cap is the uncapped fit, iteration for iteration; one that did not runs again.
                : converged ? fit with { Report = fit.Report with { Options = options } }
                : FitOnShiftedColumns(data, options);
        }
        else
        {
            fit = FitOnShiftedColumns(data, options);
        }
        return Compute(data, fit with { Report = fit.Report with { Separation = separation } }, statistics, known, options.CancellationToken);
    }

    // The rank analysis of the class-weighted design when the caller has made it already (Fit, for the separation check).
    private sealed record KnownRank(RankAnalysis? Rank);

    // The fit on dense columns far from 0 (a Unix time) runs on them shifted towards 0 (ShiftedColumns): the same
    // likelihood in an affine change of parameters, without the near-collinearity with the intercept that costs the
    // optimizer digits (and its convergence test); the model is mapped back exactly.
    internal static FitResult<LogisticModel> FitOnShiftedColumns(TrainingSet data, TrainerOptions options)
    {
        if (ShiftedColumns.Of(data) is not { } shifted)
        {
            return Fitter.Fit(FitProblem.BinaryUnchecked(data), options);
        }
        var start = options.InitialParameters is { } initial && initial.Count == data.FeatureCount + 1 ? shifted.ToShifted(initial) : null;
        var fit = Fitter.Fit(FitProblem.BinaryUnchecked(shifted.Data), start is null ? options : options with { InitialParameters = start });
        var theta = shifted.FromShifted(fit.Model.ToParameters());
        var model = new LogisticModel(theta.AsSpan(0, data.FeatureCount).ToArray(), theta[data.FeatureCount], fit.Model.Loss, data.FeatureNames);
        return fit with { Model = model };
    }

    /// <summary>The statistics of a fit on its training data (<paramref name="statistics"/>: the covariance, by default model-based for BCE and HC0 for MSE).</summary>
    /// <param name="data">The rows the model was fitted on.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="statistics">The covariance; null: the default.</param>
    /// <param name="cancellationToken">Cancels the separation check or Firth's refit the statistics may run.</param>
    public static ModelStatistics Compute(TrainingSet data, FitResult<LogisticModel> fit, StatisticsOptions? statistics = null, CancellationToken cancellationToken = default) =>
        Compute(data, fit, statistics, known: null, cancellationToken);

    private static ModelStatistics Compute(TrainingSet data, FitResult<LogisticModel> fit, StatisticsOptions? statistics, KnownRank? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        statistics ??= StatisticsOptions.Default;
        statistics.Validate(data.RowCount);
        var options = fit.Report.Options;
        if (fit.Model.FeatureCount != data.FeatureCount)
        {
            throw new ArgumentException($"The model has {fit.Model.FeatureCount} weights but the data have {data.FeatureCount} features.", nameof(fit));
        }
        // The statistics describe the likelihood that was maximised: with class weights, the weighted one.
        data = options.ClassWeighting.Apply(data);
        if (options.FirthBiasReduction)
        {
            return FirthStatistics.Fit(data, cancellationToken);
        }
        int k = data.FeatureCount + 1;
        var warnings = new List<string>();
        var notes = new List<string>();
        bool unpenalised = options.IsUnpenalised;
        bool wide = k > MaximumParameters;
        var rank = wide ? null : known is null ? RankAnalysis.Inspect(data) : known.Rank;
        if (rank is { Aliased.Count: > 0 })
        {
            warnings.Add(DesignWarnings.RankDeficient(data, rank, options.L2Regularization, unpenalised));
        }
        var fitDescribed = DescribedFit.Of(data, fit, rank, unpenalised);
        var (described, describedData, kept) = (fitDescribed.Fit, fitDescribed.Data, fitDescribed.Kept);
        var theta = described.Model.ToParameters();
        var objective = ObjectiveFactory.Create(describedData, described.Model.Loss, options.L2Regularization);
        var margins = objective.Margins(theta);
        var likelihood = LikelihoodSummary.Of(describedData, margins, ExtremeMargin);

        bool bce = described.Model.Loss == LossKind.BinaryCrossEntropy;
        var separation = !bce ? SeparationResult.NotChecked("the check is for the binary cross-entropy likelihood.")
            : !unpenalised ? SeparationResult.NotChecked("a penalty (L2 or L1) or the non-negativity bound makes the estimate finite on any data.")
            : fit.Report.Separation ?? described.Report.Separation
                ?? SeparationCheck.AfterFit(describedData, described.Report.Optimization.Converged ? margins : null, options.ResolvedThreads, cancellationToken);
        bool? mleExists = separation.Separated ? false : separation.Checked || !bce || !unpenalised ? true : null;
        if (separation.Separated)
        {
            warnings.Add(DesignWarnings.Separated(separation));
        }
        else if (mleExists is null)
        {
            warnings.Add($"Separation was not checked: {separation.Reason} Whether the maximum-likelihood estimate exists is not known; the estimates and standard errors below assume it does.");
        }
        if (likelihood.ExtremeRows > 0 && bce)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Fitted probabilities numerically 0 or 1 for {likelihood.ExtremeRows} of {likelihood.UsedRows} rows (|z| > {ExtremeMargin:F1}); ") +
                (separation.Separated ? "the data are separated (see the warning)."
                : separation.Checked ? "the separation check finds no separation, so the estimate exists and is reported."
                : $"separation was not checked: {separation.Reason}"));
        }
        // Separated data have no minimum to converge to; the separation warning says so.
        if (!described.Report.Optimization.Converged && !separation.Separated)
        {
            warnings.Add($"The fit did not converge: {described.Report.Optimization.Message}");
        }

        CovarianceEstimator.Estimate errors;
        if (wide)
        {
            errors = new(null, StandardErrorKind.None, string.Create(CultureInfo.InvariantCulture,
                $"none: coefficient statistics invert a dense {k}×{k} matrix, above the {MaximumParameters} parameters supported; the fit-level figures are given."), null);
        }
        else if (mleExists == false)
        {
            errors = new(null, StandardErrorKind.None, "none: the maximum-likelihood estimate does not exist (see the warnings).", null);
        }
        else if (!unpenalised && options.L2Regularization == 0 && rank is { Aliased.Count: > 0 } && RankAnalysis.Inspect(describedData) is { Aliased.Count: > 0 })
        {
            errors = new(null, StandardErrorKind.None, "none: the selected columns are linearly dependent, so without L2 the fit is not unique " +
                "(the weight can move between them) and its coefficients have no standard errors; drop the aliased column(s) or add L2.", null);
        }
        else
        {
            string estimate = unpenalised ? "the maximum-likelihood estimate"
                : options.L1Regularization > 0 ? "the L1-penalised estimate on its selected coefficients"
                : "the non-negative estimate on its coefficients off the bound";
            errors = CovarianceEstimator.Compute(describedData, objective, theta, margins, described.Model.Loss, options.L2Regularization, statistics, estimate);
        }
        if (errors.Warning is not null)
        {
            warnings.Add(errors.Warning);
        }

        return new ModelStatistics
        {
            Observations = likelihood.Observations,
            Coefficients = CoefficientTable(data, kept, fitDescribed.Unselected, theta, errors.Covariance),
            Covariance = errors.Covariance is null ? null : TableCovariance(data.FeatureCount, kept, errors.Covariance),
            StandardErrors = errors.Kind,
            CovarianceType = statistics.Covariance != CovarianceType.Default ? statistics.Covariance
                : described.Model.Loss == LossKind.MeanSquaredError ? CovarianceType.HC0 : CovarianceType.NonRobust,
            StandardErrorNote = errors.Note + (errors.Covariance is null ? "" : fitDescribed.SelectionNote(data.FeatureCount)),
            LogLikelihood = likelihood.LogLikelihood,
            NullLogLikelihood = likelihood.NullLogLikelihood,
            ParameterCount = kept.Count + 1,
            // A diverging coefficient sequence has not converged, whatever the optimizer's test said.
            Converged = described.Report.Optimization.Converged && mleExists != false,
            MaximumLikelihoodEstimateExists = mleExists,
            Separation = separation,
            AliasedCoefficients = fitDescribed.Aliased.Select(j => DesignWarnings.Name(data, j + 1)).ToArray(),
            UnselectedCoefficients = fitDescribed.Unselected.Select(j => DesignWarnings.Name(data, j + 1)).ToArray(),
            Warnings = warnings,
            Notes = notes,
            Loss = described.Model.Loss,
            L2Regularization = options.L2Regularization,
        };
    }

    // The covariance in the table's order (intercept first); NaN in the rows and columns of aliased coefficients.
    private static double[] TableCovariance(int featureCount, List<int> kept, double[] covariance)
    {
        int m = kept.Count + 1, t = featureCount + 1;
        int Index(int c) => c == 0 ? m - 1 : kept.IndexOf(c - 1);
        var table = new double[t * t];
        for (int a = 0; a < t; a++)
        {
            for (int b = 0; b < t; b++)
            {
                int ia = Index(a), ib = Index(b);
                table[a * t + b] = ia < 0 || ib < 0 ? double.NaN : covariance[ia * m + ib];
            }
        }
        return table;
    }

    // Intercept first, as statsmodels' add_constant(prepend=True) and R do; aliased columns as R's NA, weights an L1
    // penalty set to 0 as 0 without an error.
    private static List<CoefficientStatistics> CoefficientTable(TrainingSet data, List<int> kept, IReadOnlyList<int> unselected, double[] theta, double[]? covariance)
    {
        int m = kept.Count + 1;
        var table = new List<CoefficientStatistics>(data.FeatureCount + 1);
        for (int c = 0; c <= data.FeatureCount; c++)
        {
            string name = DesignWarnings.Name(data, c);
            int index = c == 0 ? m - 1 : kept.IndexOf(c - 1);
            if (index < 0)
            {
                bool zero = unselected.Contains(c - 1);
                table.Add(new CoefficientStatistics(name, zero ? 0.0 : double.NaN, null, null, null, null, null, Aliased: !zero));
                continue;
            }
            table.Add(CoefficientStatistics.Wald(name, theta[index], covariance?[index * m + index]));
        }
        return table;
    }
}
