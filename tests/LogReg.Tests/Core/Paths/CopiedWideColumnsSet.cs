using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// 60 rows × 152 dense columns: 100 standard normal, the first 50 of them again at 100 times the scale, and the sum of
/// the first two; labels a fair coin. More columns than rows and exact copies after standardising: a lasso path's
/// screened-in columns outnumber the rows, and sweeps over the rows crawl along the copies' directions.
/// </summary>
internal static class CopiedWideColumnsSet
{
    public static TrainingSet Of(int seed)
    {
        const int n = 60, k = 100, copies = 50, d = k + copies + 1;
        var random = new Random(seed);
        var x = new float[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            for (int j = 0; j < k; j++)
            {
                row[j] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }
            for (int j = 0; j < copies; j++)
            {
                row[k + j] = row[j] * 100;
            }
            row[d - 1] = row[0] + row[1];
            y[i] = random.NextDouble() < 0.5 ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, x), y);
    }
}
