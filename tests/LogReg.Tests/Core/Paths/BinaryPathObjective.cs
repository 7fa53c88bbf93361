using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Tests.Core.Paths;

/// <summary>glmnet's lasso objective at a binary path's points, from the rows, for tests that compare a path with a tighter one.</summary>
internal static class BinaryPathObjective
{
    /// <summary>Each column's population standard deviation (glmnet's standardisation).</summary>
    public static double[] Scales(TrainingSet data) =>
        MultinomialObjectiveGap.Scales(Enumerable.Range(0, data.RowCount).Select(i =>
        {
            var row = new double[data.FeatureCount];
            data.Features.CopyRow(i, row);
            return row;
        }).ToArray());

    /// <summary>The mean log-loss plus λ·Σ|βⱼ|·σⱼ at point <paramref name="k"/>.</summary>
    public static double Lasso(TrainingSet data, double[] scales, RegularizationPath path, int k)
    {
        var w = path.Coefficients[k];
        double loss = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double z = path.Intercepts[k] + data.Features.Dot(i, w);
            loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - data.Labels[i] * z;
        }
        return loss / data.RowCount + path.Lambdas[k] * w.Select((b, j) => Math.Abs(b) * scales[j]).Sum();
    }

    /// <summary>The path at <paramref name="options"/> and its largest relative objective above a 1e-20 path on the same λ.</summary>
    public static (RegularizationPath Path, double Worst) GapToTighter(TrainingSet data, ElasticNetPathOptions options)
    {
        var path = ElasticNetPath.Fit(data, options);
        var tight = ElasticNetPath.Fit(data, options with { Tolerance = 1e-20, Lambdas = path.Lambdas.ToArray() });
        var scales = Scales(data);
        double worst = 0;
        for (int k = 0; k < path.Lambdas.Count; k++)
        {
            double objective = Lasso(data, scales, path, k), reference = Lasso(data, scales, tight, k);
            worst = Math.Max(worst, (objective - reference) / reference);
        }
        return (path, worst);
    }
}
