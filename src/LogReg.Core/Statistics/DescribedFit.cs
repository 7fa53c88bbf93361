using LogReg.Core.Data;
using LogReg.Core.Training;

namespace LogReg.Core.Statistics;

/// <summary>
/// Which columns the coefficient statistics describe, and the fit on them. All columns, except:
/// <list type="bullet">
/// <item>an unpenalised fit on a rank-deficient design leaves the aliased columns out and refits the rest with the same
/// trainer, as R's glm does (NA for those coefficients);</item>
/// <item>a fit with L1 (or the non-negativity bound) leaves out the columns whose weight is exactly 0 — the statistics
/// are then conditional on that selection, as ML.NET's ShowTrainingStatistics gives them: the errors of the selected
/// coefficients come from the smooth part's Hessian (log-loss + L2; the L1 term has none on the selected set), and the
/// uncertainty of the selection itself is not in them.</item>
/// </list>
/// </summary>
internal sealed record DescribedFit(FitResult<LogisticModel> Fit, TrainingSet Data, List<int> Kept, IReadOnlyList<int> Aliased, IReadOnlyList<int> Unselected)
{
    public static DescribedFit Of(TrainingSet data, FitResult<LogisticModel> fit, RankAnalysis? rank, bool unpenalised)
    {
        var options = fit.Report.Options;
        var kept = Enumerable.Range(0, data.FeatureCount).ToList();
        var aliased = new List<int>();
        if (rank is { Aliased.Count: > 0 } && unpenalised)
        {
            aliased = rank.Aliased.Where(c => c > 0).Select(c => c - 1).ToList();
            kept = kept.Except(aliased).ToList();
            var reduced = data.SelectFeatures(kept);
            var refit = StatisticsCalculator.FitOnShiftedColumns(reduced,
                options with { Progress = null, Log = null, ClassWeighting = ClassWeighting.None, InitialParameters = null });
            return new DescribedFit(refit, reduced, kept, aliased, Array.Empty<int>());
        }
        if (options.L1Regularization > 0 || options.EnforceNonNegativity)
        {
            var unselected = kept.Where(j => fit.Model.Weights[j] == 0).ToList();
            if (unselected.Count > 0)
            {
                kept = kept.Except(unselected).ToList();
                var reduced = data.SelectFeatures(kept);
                var model = new LogisticModel(kept.Select(j => fit.Model.Weights[j]).ToArray(), fit.Model.Bias, fit.Model.Loss, reduced.FeatureNames);
                return new DescribedFit(fit with { Model = model }, reduced, kept, aliased, unselected);
            }
        }
        return new DescribedFit(fit, data, kept, aliased, Array.Empty<int>());
    }

    /// <summary>The sentence the standard errors' note gets when the statistics are conditional on an L1 selection.</summary>
    public string? SelectionNote(int featureCount) => Unselected.Count == 0 ? null
        : $" Conditional on the selection: {Kept.Count} of {featureCount} features have a non-zero weight; the other {Unselected.Count} have no standard error, " +
          "and the uncertainty of the selection itself is not included (as ML.NET's ShowTrainingStatistics).";
}
