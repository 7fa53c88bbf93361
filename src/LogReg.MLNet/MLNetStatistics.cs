using LogReg.Core.Statistics;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// Our statistics in ML.NET's own record (<see cref="ModelStatisticsBase"/> /
/// <see cref="LinearModelParameterStatistics"/>), which ML.NET saves inside the model file and
/// plain ML.NET reloads: counts, deviance, null deviance and, when every estimated coefficient has
/// one, the standard errors from which ML.NET derives z and p.
/// </summary>
internal static class MLNetStatistics
{
    public static ModelStatisticsBase From(IHostEnvironment env, ModelStatistics statistics, long rows, float[] weights, float bias)
    {
        var errors = StandardErrors(statistics, weights.Length);
        // ML.NET reads exactly ParametersCount standard errors back, so with errors the count is theirs.
        int parameters = errors?.GetValues().Length ?? statistics.ParameterCount;
        return MLNetInterop.CreateStatistics(env, rows, parameters, (float)statistics.Deviance, (float)statistics.NullDeviance, errors, weights, bias);
    }

    // Slot 0 the intercept, slot j + 1 weight j (ML.NET's layout, and ours: intercept first). Aliased
    // coefficients have no error and are left out of a sparse buffer, as ML.NET does for weights L1
    // set to zero.
    private static VBuffer<float>? StandardErrors(ModelStatistics statistics, int featureCount)
    {
        if (statistics.Coefficients.Count != featureCount + 1)
        {
            return null;
        }
        var indices = new List<int>();
        var values = new List<float>();
        for (int k = 0; k < statistics.Coefficients.Count; k++)
        {
            var coefficient = statistics.Coefficients[k];
            // As ML.NET: the buffer holds the bias and the estimated weights only (none for a weight L1 set to 0).
            if (coefficient.Aliased || statistics.UnselectedCoefficients.Contains(coefficient.Name))
            {
                continue;
            }
            if (!(coefficient.StandardError is double se && float.IsFinite((float)se) && (float)se > 0))
            {
                return null; // one error missing (e.g. no MLE): deviance-level statistics, not a shorter table
            }
            indices.Add(k);
            values.Add((float)se);
        }
        if (indices.Count == 0 || indices[0] != 0)
        {
            return null;
        }
        return indices.Count == featureCount + 1
            ? new VBuffer<float>(featureCount + 1, values.ToArray())
            : new VBuffer<float>(featureCount + 1, indices.Count, values.ToArray(), indices.ToArray());
    }
}
