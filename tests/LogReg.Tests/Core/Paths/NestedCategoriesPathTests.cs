using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// One-hot rows shaped like kernlab's ticdata: a 39-level customer subtype, its 13-level main type nested in it (the
/// type's dummies are sums of the subtype's), and twenty products, each with a contribution level (0 when not owned)
/// and a count of policies — for half of them exactly the sum of the level dummies. The covariance form's exact step
/// meets singular support systems here (a dozen times on this path), which it used to give up on. The default path is as
/// close to the optimum as a path ten thousand times tighter allows one to tell.
/// </summary>
public sealed class NestedCategoriesPathTests(ITestOutputHelper output)
{
    [Fact]
    public void OnNestedOneHotCategoriesTheDefaultPathIsAtTheOptimum()
    {
        var data = NestedCategories(rows: 800, seed: 4);
        var options = new ElasticNetPathOptions { LambdaCount = 60 };
        var (path, worst) = BinaryPathObjective.GapToTighter(data, options);
        output.WriteLine($"{path.Lambdas.Count} λ, {path.NonZero[^1]} of {data.FeatureCount} non-zero at the last; largest objective above the tight path's: {worst:E2}");
        Assert.True(path.Lambdas.Count >= 30, $"{path.Lambdas.Count} λ");
        Assert.True(worst < 1e-13, $"{worst:E2}");
    }

    private static TrainingSet NestedCategories(int rows, int seed)
    {
        var random = new Random(seed);
        const int Subtypes = 39, Products = 20, Levels = 10;
        // Each subtype leans to one contribution level of each product and owns it at its own rate.
        var lean = Enumerable.Range(0, Subtypes).Select(_ => Enumerable.Range(0, Products).Select(_ => 1 + random.Next(Levels - 1)).ToArray()).ToArray();
        var owns = Enumerable.Range(0, Subtypes).Select(_ => Enumerable.Range(0, Products).Select(_ => 0.1 + 0.5 * random.NextDouble()).ToArray()).ToArray();
        var effect = Enumerable.Range(0, Subtypes).Select(_ => random.NextDouble() - 0.5).ToArray();
        int columns = (Subtypes - 1) + (Subtypes / 3 - 1) + Products * Levels;
        var start = new long[rows + 1];
        var entries = new List<(int Column, float Value)>();
        var labels = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            int subtype = random.Next(Subtypes), at = 0;
            double margin = -1 + 2 * effect[subtype];
            void Level(int level, int count)
            {
                if (level > 0)
                {
                    entries.Add((at + level - 1, 1));
                }
                at += count - 1;
            }
            Level(subtype, Subtypes);
            Level(subtype / 3, Subtypes / 3);
            for (int s = 0; s < Products; s++)
            {
                // A product's contribution level (0 when not owned) and how many policies: ticdata's P and A columns.
                int policies = random.NextDouble() < owns[subtype][s] ? 1 + (s % 2 == 0 && random.NextDouble() < 0.1 ? 1 : 0) : 0;
                int level = policies == 0 ? 0 : random.NextDouble() < 0.95 ? lean[subtype][s] : 1 + random.Next(Levels - 1);
                margin += s < 2 ? 0.15 * level : 0;
                Level(level, Levels);
                if (policies > 0)
                {
                    entries.Add((at, policies));
                }
                at++;
            }
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-margin)) ? 1 : 0;
            start[i + 1] = entries.Count;
        }
        return new TrainingSet(new SparseMatrix(rows, columns, start, entries.Select(e => e.Column).ToArray(), entries.Select(e => e.Value).ToArray()), labels);
    }
}
