using LogReg.Core.Data;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Many rows of 0/1 columns, a quarter of them 1, as mlbench's DNA holds them: every third column carries a Gaussian
/// weight, and the class is drawn from the logistic model.
/// </summary>
internal static class BinaryIndicatorSet
{
    public static TrainingSet Of(int seed, int rows, int columns)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, columns).Select(j => j % 3 == 0 ? Gaussian(random) : 0).ToArray();
        var x = new float[rows * columns];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double eta = -0.5;
            for (int j = 0; j < columns; j++)
            {
                if (random.NextDouble() < 0.25)
                {
                    x[i * columns + j] = 1;
                    eta += weights[j];
                }
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
        }
        return new TrainingSet(new DenseMatrix(rows, columns, x), y);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
