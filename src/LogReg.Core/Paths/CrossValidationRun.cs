using System.Runtime.ExceptionServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The family-free part of K-fold cross-validation over a path: the folds, the path on all rows (which sets the λ
/// sequence), each fold's path on the other rows, its held-out scores at every λ, and cv.glmnet's summary of them
/// (<c>cvstats</c>, <c>getOptcv</c>). The full path runs on the calling thread while the other threads take the folds,
/// which follow its λ as it solves them (<see cref="LambdaFeed"/>), and the calling thread takes folds once it is done;
/// each path is sequential and a fold's path does not depend on when it ran, so the result does not depend on the thread
/// count.
/// </summary>
/// <typeparam name="TPath">The family's path.</typeparam>
/// <param name="Classes">Each row's class (0 … K − 1), for stratified folds and the held-out scores.</param>
/// <param name="WeightOf">Each row's weight.</param>
/// <param name="FitPath">The path on the listed rows (null: all rows) with the given options, telling the first feed its λ
/// as it solves them and following the second's (either may be null).</param>
/// <param name="Probabilities">The class probabilities of the listed rows under a path at each of the given λ, in turn.</param>
/// <param name="DescribeClass">A class's name in messages (e.g. "class 'setosa'").</param>
/// <param name="FitScoredFold">Or null: a fold's path on its training rows (the first list) following the feed, which hands the
/// held-out rows' (the second list's) class probabilities at each of its points, by index, to the action as it solves them
/// and keeps no coefficients — used for the folds at <see cref="FoldAlignment.SameLambdas"/>, where no point is interpolated.</param>
internal sealed record CrossValidationRun<TPath>(
    int[] Classes,
    Func<int, double> WeightOf,
    Func<int[]?, ElasticNetPathOptions, LambdaFeed?, LambdaFeed?, TPath> FitPath,
    Func<TPath, IReadOnlyList<double>, int[], IEnumerable<double[][]>> Probabilities,
    Func<int, string> DescribeClass,
    Func<int[], int[], ElasticNetPathOptions, LambdaFeed, Action<int, double[][]>, TPath>? FitScoredFold = null)
    where TPath : IRegularizationPath
{
    public CrossValidatedPath<TPath> Run(CrossValidationOptions options, IProgress<int>? progress)
    {
        int n = Classes.Length;
        var folds = FoldAssignment.Of(options, Classes, WeightOf);
        int foldCount = folds.Max() + 1;
        FoldClassCoverage.Require(Classes, WeightOf, folds, foldCount, DescribeClass, f => options.Fold(f, foldCount));
        int threads = Math.Clamp(options.MaxThreads ?? Environment.ProcessorCount, 1, foldCount + 1);
        var feed = new LambdaFeed();
        var scores = new double[foldCount][];
        var foldWeights = new double[foldCount];
        // cv.glmnet's grouped = FALSE below 3 rows a fold: each held-out row's score kept, for errors over the rows.
        bool overRows = n < 3 * foldCount && options.Metric != CrossValidationMetric.Auc;
        var rowScores = overRows ? new double[foldCount][][] : null;
        var rowWeights = new double[foldCount][];
        var failures = new Exception?[foldCount];
        int finished = 0, next = -1;
        var helpers = Enumerable.Range(0, threads - 1)
            .Select(_ => Task.Factory.StartNew(TakeFolds, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        TPath? full = default;
        Exception? fullFailure = null;
        try
        {
            full = FitPath(null, options.Path, feed, null);
        }
        catch (Exception e)
        {
            fullFailure = e;
            // No fold is handed out after this: the full path's error is the one reported.
            Volatile.Write(ref next, foldCount);
        }
        finally
        {
            feed.End();
        }
        if (fullFailure is null)
        {
            TakeFolds();
        }
        Task.WaitAll(helpers);
        if (fullFailure is not null)
        {
            ExceptionDispatchInfo.Throw(fullFailure);
        }
        if (failures.FirstOrDefault(e => e is not null) is { } failure)
        {
            // The first fold that failed, in one line (rethrown as InvalidOperationException: the fold's type is private here).
            if (failure is FoldFailedException fold)
            {
                throw new InvalidOperationException(fold.Message, fold.InnerException);
            }
            ExceptionDispatchInfo.Throw(failure);
        }
        return rowScores is null
            ? CrossValidationSummary.OverFolds(full!, options, folds, scores, foldWeights)
            : CrossValidationSummary.OverRows(full!, options, folds, rowScores, rowWeights);

        void TakeFolds()
        {
            for (int f; (f = Interlocked.Increment(ref next)) < foldCount;)
            {
                try
                {
                    FitFold(f);
                }
                catch (Exception e)
                {
                    failures[f] = e;
                }
            }
        }

        void FitFold(int f)
        {
            var held = Enumerable.Range(0, n).Where(i => folds[i] == f).ToArray();
            var training = Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray();
            var heldClasses = held.Select(i => Classes[i]).ToArray();
            var heldWeights = held.Select(WeightOf).ToArray();
            // The held-out score (and each row's, for errors over the rows) at each of the fold's points, when its path hands
            // them over as it solves them.
            var streamed = new List<(double Score, double[]? Rows)>();
            bool scoredAsSolved = options.Alignment == FoldAlignment.SameLambdas && FitScoredFold is not null;
            TPath path;
            try
            {
                if (options.Alignment == FoldAlignment.SameLambdas)
                {
                    // The full path's λ, as far as it solves them; none when it failed (its error is the one reported).
                    if (feed.Sequence() is not { } sequence || !feed.Reaches(0))
                    {
                        return;
                    }
                    var sameLambdas = options.Path with { Lambdas = sequence };
                    path = !scoredAsSolved
                        ? FitPath(training, sameLambdas, null, feed)
                        : FitScoredFold!(training, held, sameLambdas, feed, (index, probabilities) => streamed.Put(index, Score(probabilities)));
                }
                else
                {
                    path = FitPath(training, options.Path, null, null);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new FoldFailedException(options.Fold(f, foldCount), e);
            }
            if (feed.Final() is not { Length: > 0 } lambdas)
            {
                return;
            }
            foldWeights[f] = heldWeights.Sum();
            rowWeights[f] = heldWeights;
            scores[f] = new double[lambdas.Length];
            if (rowScores is not null)
            {
                rowScores[f] = new double[lambdas.Length][];
            }
            // A streamed fold's λ are the full path's first ones: each λ is one of its points, or below its last (ended
            // unsettled), which scores as the last — what interpolating the path at it would give.
            var each = scoredAsSolved
                ? lambdas.Select(lambda => streamed[PathInterpolation.Neighbours(path.Lambdas, lambda).Left])
                : Probabilities(path, lambdas, held).Select(Score);
            int k = 0;
            foreach (var (score, rows) in each)
            {
                if (rowScores is not null)
                {
                    rowScores[f][k] = rows!;
                }
                scores[f][k++] = score;
            }
            progress?.Report(Interlocked.Increment(ref finished));

            (double, double[]?) Score(double[][] probabilities) => (HeldOutScore.Of(options.Metric, heldClasses, heldWeights, probabilities),
                rowScores is null ? null : heldClasses.Select((c, r) => HeldOutScore.RowLoss(options.Metric, c, probabilities[r])).ToArray());
        }
    }

    // A fold's path failed: its number, the rows it left out, and the path's own message (without an argument's name).
    private sealed class FoldFailedException(string fold, Exception inner)
        : Exception($"Cross-validation fold {fold} (its path on the other folds' rows): {MessageOf(inner)}", inner)
    {
        private static string MessageOf(Exception e) => e is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", "")
            : e.Message;
    }
}
