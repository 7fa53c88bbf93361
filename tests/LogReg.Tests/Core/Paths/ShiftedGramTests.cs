using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Dense columns whose mean is many times their spread have their Gram's products taken about the mean: summed raw and
/// centred afterwards they cancelled to noise. An outside tester's columns at 1e8 (stored as floats in steps of 8) and 1e4
/// made null-direction steps grow coefficients to 1e304 and `logreg cv` fail on a NaN. The path over such columns is now
/// the path over the same columns less an offset (the same standardised model).
/// </summary>
public sealed class ShiftedGramTests
{
    // 600 rows × 60 columns: 20 around 1e8 (float steps of 8, spread about 3), 20 around 1e4 + 0.05·z, 20 plain; the class
    // from all of them. With `offset` false the large columns are stored less their centre, which leaves the model the same.
    private static TrainingSet Data(bool offset)
    {
        const int n = 600, d = 60;
        var rng = new Random(31);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x = new float[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double score = 0;
            for (int j = 0; j < d; j++)
            {
                double z = Normal();
                (double centre, double value) = j < 20 ? (1e8, 8 * Math.Round(0.4 * z)) : j < 40 ? (1e4, Math.Round(0.05 * z / 0.0009765625) * 0.0009765625) : (0, z);
                x[i * d + j] = (float)((offset ? centre : 0) + value);
                score += (j % 3 == 0 ? 0.4 : 0) * (j < 20 ? value / 8 : j < 40 ? value / 0.05 : value);
            }
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-score)) ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(n, d, x), y);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void APathOverColumnsFarFromZeroIsThePathOverThemLessAnOffset(double alpha)
    {
        var options = new ElasticNetPathOptions { L1Ratio = alpha };
        var (far, near) = (ElasticNetPath.Fit(Data(offset: true), options), ElasticNetPath.Fit(Data(offset: false), options));
        Assert.Null(far.UnsettledLambda);
        Assert.Equal(near.Lambdas.Count, far.Lambdas.Count);
        for (int k = 0; k < near.Lambdas.Count; k++)
        {
            Assert.Equal(1, far.Lambdas[k] / near.Lambdas[k], 1e-9);
            Assert.Equal(near.DevianceRatio[k], far.DevianceRatio[k], 1e-8);
        }
    }
}
