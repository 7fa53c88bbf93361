using LogReg.Core.Data;
using LogReg.Core.Paths;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Cross-validation's folds follow the full path's λ while it is still being fitted (<see cref="LambdaFeed"/>): a fold's
/// path that follows a live full path is the path fitted afterwards at the full path's λ, bit for bit, and ends where the
/// full path's early stop ended it — for the binary path and for the multinomial one, which solves the λ near its stop
/// twice.
/// </summary>
public sealed class LambdaFeedTests
{
    [Fact]
    public async Task ABinaryFoldFollowingTheLiveFullPathIsThePathFittedAfterIt()
    {
        var (x, y) = SoftmaxData.Random(400, 6, 2, seed: 5);
        var data = new TrainingSet(DenseMatrix.FromRows(x), y.Select(c => (double)c).ToArray());
        var options = new ElasticNetPathOptions { L1Ratio = 0.5 };
        var fold = data.SelectRows(Enumerable.Range(0, data.RowCount).Where(i => i % 10 != 3).ToArray());
        var (full, followed) = await FollowLive((lead, follow, lambdas) => follow is null
            ? ElasticNetPath.Fit(data, options, lead, null)
            : ElasticNetPath.Fit(fold, options with { Lambdas = lambdas }, null, follow));
        var after = ElasticNetPath.Fit(fold, options with { Lambdas = full.Lambdas.ToArray() });
        Assert.Equal(after.Lambdas, followed.Lambdas);
        Assert.Equal(after.Intercepts, followed.Intercepts);
        for (int k = 0; k < after.Lambdas.Count; k++)
        {
            Assert.Equal(after.Coefficients[k], followed.Coefficients[k]);
        }
    }

    [Fact]
    public async Task AMultinomialFoldFollowingTheLiveFullPathIsThePathFittedAfterIt()
    {
        var data = SoftmaxData.Set(SoftmaxData.Random(400, 6, 3, seed: 11));
        var options = new ElasticNetPathOptions();
        var fold = data.SelectRows(Enumerable.Range(0, data.RowCount).Where(i => i % 5 != 0).ToArray());
        var (full, followed) = await FollowLive((lead, follow, lambdas) => follow is null
            ? MultinomialElasticNetPath.Fit(data, options, jointNewton: null, lead, null)
            : MultinomialElasticNetPath.Fit(fold, options with { Lambdas = lambdas }, jointNewton: null, null, follow));
        var after = MultinomialElasticNetPath.Fit(fold, options with { Lambdas = full.Lambdas.ToArray() });
        Assert.Equal(after.Lambdas, followed.Lambdas);
        for (int k = 0; k < after.Lambdas.Count; k++)
        {
            Assert.Equal(after.Intercepts[k], followed.Intercepts[k]);
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(after.Coefficients[k][c], followed.Coefficients[k][c]);
            }
        }
    }

    [Fact]
    public void AFoldIsRefusedAtLambdaZeroOnlyWhenTheFullPathReachesIt()
    {
        // Three classes separated along the first column: no maximum at λ = 0.
        var rows = Enumerable.Range(0, 60).Select(i => new[] { i % 3 * 5.0 + i * 0.01, i * 0.02 }).ToArray();
        var fold = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 60).Select(i => i % 3).ToArray(), 3);
        double[] lambdas = [0.1, 0.01, 0];
        var stopped = new LambdaFeed();
        stopped.Start(lambdas);
        stopped.Solved(2);
        stopped.End();
        var path = MultinomialElasticNetPath.Fit(fold, new ElasticNetPathOptions { Lambdas = lambdas }, jointNewton: null, lead: null, follow: stopped);
        Assert.Equal(2, path.Lambdas.Count);
        var reached = new LambdaFeed();
        reached.Start(lambdas);
        reached.Solved(3);
        reached.End();
        Assert.Throws<InvalidOperationException>(() =>
            MultinomialElasticNetPath.Fit(fold, new ElasticNetPathOptions { Lambdas = lambdas }, jointNewton: null, lead: null, follow: reached));
    }

    [Fact]
    public void AFullPathThatFailsIsTheErrorReportedWhileFoldsWereFollowingIt()
    {
        // λ = 0 on separated rows: the full path refuses before any fold has a λ to solve.
        var rows = Enumerable.Range(0, 60).Select(i => new[] { i % 3 * 5.0 + i * 0.01, i * 0.02 }).ToArray();
        var data = new MulticlassTrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 60).Select(i => i % 3).ToArray(), 3);
        var error = Assert.Throws<InvalidOperationException>(() => ElasticNetCrossValidation.Fit(data, new CrossValidationOptions
        {
            FoldCount = 3,
            MaxThreads = 2,
            Path = new ElasticNetPathOptions { Lambdas = [0.1, 0] },
        }));
        Assert.DoesNotContain("Cross-validation fold", error.Message);
    }

    // The full path (fit(lead, null, null)) on this thread while a fold's path (fit(null, follow, its sequence)) follows it on
    // another; the full path ends before the end of its sequence, so the fold is cut short by following alone.
    private static async Task<(TPath Full, TPath Followed)> FollowLive<TPath>(Func<LambdaFeed?, LambdaFeed?, double[]?, TPath> fit)
        where TPath : IRegularizationPath
    {
        var feed = new LambdaFeed();
        var following = Task.Run(() => fit(null, feed, feed.Sequence()));
        TPath full;
        try
        {
            full = fit(feed, null, null);
        }
        finally
        {
            feed.End();
        }
        Assert.InRange(full.Lambdas.Count, 5, 99);
        return (full, await following);
    }
}
