using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// glmnet's multinomial objective on the original scale, computed plainly: (1/W)·Σ sᵢ·(−log pᵢ,yᵢ) +
/// λ·Σₖ[(1 − α)/2·Σⱼ(βₖⱼσⱼ)² + α·Σⱼ|βₖⱼσⱼ|], σⱼ the column's weighted (1/W) standard deviation (or 1 unstandardised).
/// </summary>
internal sealed class SoftmaxObjective
{
    private readonly MulticlassTrainingSet _data;
    private readonly double[][] _rows;
    private readonly double[] _scales;
    private readonly double _alpha;

    public SoftmaxObjective(MulticlassTrainingSet data, double alpha, bool standardize = true)
    {
        (_data, _alpha) = (data, alpha);
        _rows = Enumerable.Range(0, data.RowCount).Select(i => { var r = new double[data.FeatureCount]; data.Features.CopyRow(i, r); return r; }).ToArray();
        var s = Enumerable.Range(0, data.RowCount).Select(i => data.ExampleWeights?[i] ?? 1).ToArray();
        double total = s.Sum();
        _scales = Enumerable.Range(0, data.FeatureCount).Select(j =>
        {
            double mean = _rows.Select((r, i) => s[i] * r[j]).Sum() / total;
            return standardize ? Math.Sqrt(_rows.Select((r, i) => s[i] * (r[j] - mean) * (r[j] - mean)).Sum() / total) : 1;
        }).ToArray();
    }

    public double At(double[] intercepts, double[][] coefficients, double lambda)
    {
        double loss = 0, total = 0;
        for (int i = 0; i < _rows.Length; i++)
        {
            var z = intercepts.Select((b, k) => b + _rows[i].Select((x, j) => x * coefficients[k][j]).Sum()).ToArray();
            int top = Array.IndexOf(z, z.Max());
            double s = _data.ExampleWeights?[i] ?? 1;
            // log Σ exp(z) = z_top + log1p(Σ over the others of exp(z − z_top)): exact on nearly certain rows too.
            double others = z.Where((_, k) => k != top).Sum(v => Math.Exp(v - z[top]));
            loss += s * (z[top] - z[_data.Labels[i]] + LogReg.Core.Numerics.StableMath.Log1P(others));
            total += s;
        }
        double penalty = coefficients.Sum(w => w.Select((v, j) => (1 - _alpha) / 2 * v * _scales[j] * v * _scales[j] + _alpha * Math.Abs(v * _scales[j])).Sum());
        return loss / total + lambda * penalty;
    }
}
