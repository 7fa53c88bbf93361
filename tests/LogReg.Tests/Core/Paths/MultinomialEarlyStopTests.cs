using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// glmnet's early stop (the deviance ratio growing by less than 1e-5) on mlbench's Vowel (Reference/vowel.csv, 11
/// classes, solved by the rounds at slow rates): at the default tolerance the path ends where the same rule ends it on
/// points solved closely, not on a last point left short of its optimum.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MultinomialEarlyStopTests
{
    private static MulticlassTrainingSet Vowel()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "vowel.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        int d = lines[0].Length - 1;
        return new MulticlassTrainingSet(DenseMatrix.FromRows(lines.Select(r => r[..d]).ToArray()), lines.Select(r => (int)r[d]).ToArray(), 11);
    }

    [Fact]
    public void ThePathEndsWhereTheRuleEndsItOnCloselySolvedPoints()
    {
        // Without the confirming solve the default path ended at 78 λ (80 before the predicted starts) against 84.
        var data = Vowel();
        var loose = MultinomialElasticNetPath.Fit(data);
        var close = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { Tolerance = 1e-12 });
        Assert.Null(close.UnsettledLambda);
        Assert.Equal(close.Lambdas.Count, loose.Lambdas.Count);
        Assert.Equal(close.DevianceRatio[^1], loose.DevianceRatio[^1], 1e-6);
    }
}
