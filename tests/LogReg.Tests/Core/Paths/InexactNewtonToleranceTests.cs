using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The inexact Newton steps: a step is swept only to a hundredth of its first sweep's largest change of the model, a λ
/// is solved only by an exact step, the exact steps after loose ones are swept to a tenth of the threshold, and the
/// last two steps allowed are exact. On word counts whose sweeps crawl, the
/// default path's points are as close to the optimum as a path ten thousand times tighter allows one to tell.
/// </summary>
public sealed class InexactNewtonToleranceTests(ITestOutputHelper output)
{
    [Fact]
    public void ALambdaWithoutLooseStepsIsSolvedAtTheThreshold()
    {
        var rule = new InexactNewtonTolerance(threshold: 1e-16, newtonSteps: 100);
        rule.BeginStep(0);
        Assert.Equal(1e-16, rule.Inner);
        rule.AfterFirstSweep(largest: 5e-15);
        Assert.Equal(1e-16, rule.Inner);
        Assert.False(rule.EndStep(1e-16));
        rule.BeginStep(1);
        rule.AfterFirstSweep(largest: 5e-15);
        Assert.True(rule.EndStep(9.9e-17));
    }

    [Fact]
    public void LooseStepsNeverSolveTheLambdaAndTheStepsAfterThemSweepToATenthOfTheThreshold()
    {
        var rule = new InexactNewtonTolerance(threshold: 1e-16, newtonSteps: 100);
        rule.BeginStep(0);
        rule.AfterFirstSweep(largest: 1e-4);
        Assert.Equal(1e-6, rule.Inner, 1e-20);
        // A loose step that hardly moved does not solve the λ.
        Assert.False(rule.EndStep(1e-17));
        rule.BeginStep(1);
        Assert.Equal(1e-17, rule.Inner, 1e-22);
        rule.AfterFirstSweep(largest: 5e-16);
        Assert.Equal(1e-17, rule.Inner, 1e-22);
        Assert.False(rule.EndStep(1e-16));
        rule.BeginStep(2);
        rule.AfterFirstSweep(largest: 5e-16);
        Assert.True(rule.EndStep(9.9e-17));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void TheLastTwoStepsAllowedAreExact(int newtonSteps)
    {
        var rule = new InexactNewtonTolerance(threshold: 1e-10, newtonSteps);
        for (int step = 0; step < newtonSteps; step++)
        {
            rule.BeginStep(step);
            rule.AfterFirstSweep(largest: 1);
            bool loose = step + 2 < newtonSteps;
            double exact = newtonSteps > 2 ? 1e-11 : 1e-10;
            Assert.Equal(loose ? 0.01 : exact, rule.Inner, 1e-20);
            Assert.False(rule.EndStep(1));
        }
    }

    [Fact]
    public void OnCrawlingWordCountsTheDefaultPathIsAtTheOptimum()
    {
        var data = WordCounts(rows: 1500, words: 600, seed: 3);
        var options = new ElasticNetPathOptions { LambdaCount = 30, LambdaMinRatio = 1e-3 };
        var (path, worst) = BinaryPathObjective.GapToTighter(data, options);
        output.WriteLine($"{path.Lambdas.Count} λ, {path.NonZero[^1]} non-zero at the last; largest objective above the tight path's: {worst:E2}");
        Assert.Equal(30, path.Lambdas.Count);
        Assert.True(worst < 1e-13, $"{worst:E2}");
    }

    // Zipf(1.1) word counts, 5–34 words a row, the class from 40 words' counts: rare words nearly collinear with few
    // rows each, where coordinate sweeps at a small λ crawl.
    private static TrainingSet WordCounts(int rows, int words, int seed)
    {
        var random = new Random(seed);
        var cumulative = new double[words];
        double sum = 0;
        for (int j = 0; j < words; j++)
        {
            cumulative[j] = sum += Math.Pow(j + 1, -1.1);
        }
        var effect = new double[words];
        for (int t = 0; t < 40; t++)
        {
            effect[random.Next(words)] = random.NextDouble() * 2 - 1;
        }
        var entries = new List<(int Word, float Count)>[rows];
        var labels = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            var counts = new SortedDictionary<int, int>();
            for (int w = 5 + random.Next(30); w > 0; w--)
            {
                int j = Math.Min(~Array.BinarySearch(cumulative, random.NextDouble() * sum), words - 1);
                counts[j] = counts.GetValueOrDefault(j) + 1;
            }
            entries[i] = counts.Select(e => (e.Key, (float)e.Value)).ToList();
            double margin = -0.3 + entries[i].Sum(e => effect[e.Word] * e.Count);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-margin)) ? 1 : 0;
        }
        var start = new long[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            start[i + 1] = start[i] + entries[i].Count;
        }
        return new TrainingSet(new SparseMatrix(rows, words, start, entries.SelectMany(e => e.Select(x => x.Word)).ToArray(),
            entries.SelectMany(e => e.Select(x => x.Count)).ToArray()), labels);
    }
}
