using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// 200 rows × 500 dense columns, a fifth non-zero (values 0.1 … 3), the class from the first 30 columns: near separation
/// comes early on a path, so a λ there needs more Newton steps than the first ones.
/// </summary>
internal static class WideDenseSet
{
    public static TrainingSet Of()
    {
        const int n = 200, d = 500;
        var random = new Random(11);
        var x = new float[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double score = random.NextDouble();
            for (int j = 0; j < d; j++)
            {
                if (random.NextDouble() < 0.2)
                {
                    float v = (float)Math.Round(0.1 + random.NextDouble() * 2.9, 1);
                    x[i * d + j] = v;
                    score += j < 30 ? (j % 3 - 1) * v : 0;
                }
            }
            y[i] = score > 0.5 ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, x), y);
    }
}
