using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// The binary elastic-net path by coordinate descent on the quadratic approximation of the log-likelihood (as glmnet
/// does): for each λ, from the previous solution (warm start), Newton steps whose quadratic model is minimised one
/// coordinate at a time (soft-thresholding for the L1 part), the intercept unpenalised. Strong rules screen out features
/// that are very likely zero at the next λ; after the fit on the rest, every screened-out feature's gradient is checked
/// against the KKT condition |gⱼ| ≤ λα, and violators are added and the λ solved again — so no active feature is missed.
/// </summary>
public static class ElasticNetPath
{
    // Tolerances at or below this solve each point closely enough for the early stop as it comes; above it the two points
    // that would stop the path are solved again at this tolerance first. A hundredth of the tolerance was not enough: a
    // point's deviance ratio moves slowly with it (ticdata 1.1e-4 off at 1e-8, glmnet's own 3.7e-5 at 1e-9), and sonar's
    // path at 1e-6 still ended at 93 λ of 100.
    private const double ConfirmedTolerance = 1e-12;

    /// <summary>The path of the binary model over <paramref name="data"/> (labels 0/1, example weights as given); it ends before a
    /// λ not solved in <see cref="ElasticNetPathOptions.MaxNewtonSteps"/> Newton steps or where rows fitted with certainty leave a
    /// column no curvature (<see cref="IRegularizationPath.UnsettledLambda"/>).</summary>
    /// <exception cref="ArgumentException">Both classes need weight; options out of range.</exception>
    /// <exception cref="InvalidOperationException">Not even the first of the given <see cref="ElasticNetPathOptions.Lambdas"/> was
    /// solved.</exception>
    public static RegularizationPath Fit(TrainingSet data, ElasticNetPathOptions? options = null) => Fit(data, options, lead: null, follow: null);

    /// <summary>As the public overload; <paramref name="lead"/> is told the sequence and each λ solved, and a λ is solved only
    /// once <paramref name="follow"/> says the path it follows holds it (cross-validation's full path and its folds);
    /// <paramref name="scorer"/>, when given, is handed each point as it is solved (again, at its index, when solved again)
    /// and the path keeps the points' summaries without their coefficients.</summary>
    internal static RegularizationPath Fit(TrainingSet data, ElasticNetPathOptions? options, LambdaFeed? lead, LambdaFeed? follow,
        HeldOutPointScorer? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ElasticNetPathOptions();
        options.Validate();
        var rows = PathForm.Of(data);
        PathProblem problem = rows.Features.IsSparse
            ? SparseStandardizedProblem.Of(rows, options.Standardize)
            : StandardizedProblem.Of(rows, options.Standardize);
        try
        {
            return FitOn(problem, data, options, lead, follow, scorer);
        }
        finally
        {
            problem.ReleaseArrays();
        }
    }

    private static RegularizationPath FitOn(PathProblem problem, TrainingSet data, ElasticNetPathOptions options, LambdaFeed? lead,
        LambdaFeed? follow, HeldOutPointScorer? scorer)
    {
        double alpha = options.L1Ratio;
        int d = problem.FeatureCount;
        var beta = new double[d];
        double intercept = problem.NullIntercept;
        double threshold = options.ToleranceFor(multinomial: false) * problem.NullDeviancePerWeight;
        // At the null model: λ_max is the smallest λ with every coefficient zero (for α = 0, glmnet's: as for α = 0.001).
        var (gradient, deviance) = problem.GradientAndDeviance(beta, intercept);
        double largestGradient = gradient.Select(Math.Abs).Max();
        var lambdas = options.Lambdas?.ToArray() ?? Sequence(largestGradient / Math.Max(alpha, 1e-3), options.LambdaCount,
            options.LambdaMinRatioFor(data.RowCount, d));
        // As the multinomial path: a fold following the full path is asked at λ = 0 only if the full path reaches it.
        if (follow is null && lambdas.Contains(0))
        {
            SeparatedClassCheck.RefuseAtZero(data);
        }
        lead?.Start(lambdas);
        var fitted = new List<(double Lambda, double Intercept, int[] Features, double[] Values, int NonZero, double Ratio)>();
        int[] columns = [];
        var screen = new ClassScreen(problem, [true]);
        double previousLambda = lambdas[0];
        double? unsettled = null;
        bool endedEarly = false;
        // The last point the early stop's check solved again at ConfirmedTolerance.
        int confirmed = -1;
        for (int k = 0; k < lambdas.Length && (follow is null || follow.Reaches(k)); k++)
        {
            double lambda = lambdas[k];
            // A fold's training rows can be separated where all the rows are not.
            if (lambda == 0 && follow is not null)
            {
                SeparatedClassCheck.RefuseAtZero(data);
            }
            // glmnet's own sequence starts at the null model (it solves its first point at λ = ∞): for α < 1 the ridge
            // part would otherwise move every coefficient at λ_max, and for α = 1 rounding could let one in.
            // With an L1 part, a given λ at the rows' own λ_max but for rounding is the null model too: a fold following the
            // full path is asked its λ_max, which can equal the fold's own mathematically, and a coefficient of 2.4e-15 that
            // rounding let in scored every fold's AUC 1 (scale does not matter to it) — an outside tester's HouseVotes84 rows
            // chose the null model.
            bool atNull = alpha > 0 && lambda * alpha >= largestGradient * (1 - NullLambdaRounding) && beta.All(b => b == 0);
            if (k == 0 && options.Lambdas is null || atNull)
            {
                fitted.Add(Point(fitted.Count, lambda, [], ratio: 0));
                lead?.Solved(fitted.Count);
                continue;
            }
            if (!SolveAt(lambda, previousLambda, threshold))
            {
                unsettled = lambda;
                break;
            }
            fitted.Add(Point(fitted.Count, lambda, columns));
            lead?.Solved(fitted.Count);
            previousLambda = lambda;
            if (options.Lambdas is null && k + 1 >= GlmnetEarlyStop.MinimumLambdas && k > 0 && Stops(k))
            {
                endedEarly = k + 1 < lambdas.Length;
                break;
            }
        }
        if (fitted.Count == 0)
        {
            throw UnsettledNote.NoneSolved(unsettled!.Value, options.MaxNewtonSteps);
        }
        return new RegularizationPath(fitted.Select(f => f.Lambda).ToArray(), fitted.Select(f => f.Intercept).ToArray(),
            new PathCoefficients(d, fitted.Select(f => f.Features).ToArray(), fitted.Select(f => f.Values).ToArray()),
            fitted.Select(f => f.NonZero).ToArray(), fitted.Select(f => f.Ratio).ToArray(), problem.NullDeviance)
        {
            UnsettledLambda = unsettled,
            EndedEarly = endedEarly,
        };

        // Solves λ from the current coefficients: strong rule (Tibshirani et al. 2012) — keep j when |gⱼ| ≥ α(2λ − λ_prev),
        // and every non-zero coefficient — then the KKT check over all columns, until no column violates it. False when the
        // Newton steps run out, or rows fitted with certainty leave a column no curvature.
        bool SolveAt(double lambda, double previous, double solveThreshold)
        {
            screen.Start([gradient], lambda, previous, alpha, [beta]);
            while (true)
            {
                columns = screen.Union;
                try
                {
                    intercept = problem.Solve(columns, beta, intercept, lambda, alpha, solveThreshold, options.MaxNewtonSteps);
                }
                catch (CoordinateSteps.CurvatureVanishedException)
                {
                    return false;
                }
                if (!problem.LastSolveSettled)
                {
                    return false;
                }
                (gradient, deviance) = problem.GradientAndDeviance(beta, intercept);
                if (!screen.AddViolations([gradient], lambda, alpha))
                {
                    return true;
                }
            }
        }

        // The point just solved, number `index`: `over` holds every non-zero coefficient (the columns solved over, which the
        // screen keeps them all among; none at the null model). Handed to the scorer, when there is one, and kept without
        // its coefficients.
        (double, double, int[], double[], int, double) Point(int index, double lambda, int[] over, double? ratio = null)
        {
            double explained = ratio ?? 1 - deviance / problem.NullDeviance;
            if (scorer is null)
            {
                var (features, values, b) = problem.OriginalScale(beta, intercept, over);
                return (lambda, b, features, values, features.Length, explained);
            }
            double scoredIntercept = problem.OriginalScaleInto(beta, intercept, over, scorer.Coefficients[0]);
            scorer.Score(index, [scoredIntercept], over);
            return (lambda, scoredIntercept, [], [], over.Count(j => beta[j] != 0), explained);
        }

        // glmnet's early stop at point k. A change below fdev can be the solves' own error at a loose tolerance (on ticdata at
        // 1e-8 a point's ratio was 1.2e-4 low and the path stopped at 85 λ of 100; glmnet's own are as far off), and a change
        // just above it can be the same error the other way (pima went on to 61 λ where close solves stop at 60): below
        // GlmnetEarlyStop.ClosingChange the two points are solved at ConfirmedTolerance and the stop is decided on those.
        bool Stops(int k)
        {
            double change = fitted[k].Ratio - fitted[k - 1].Ratio;
            if (fitted[k].Ratio <= GlmnetEarlyStop.DevianceMax && change < GlmnetEarlyStop.ClosingChange && options.ToleranceFor(multinomial: false) > ConfirmedTolerance)
            {
                double closer = ConfirmedTolerance * problem.NullDeviancePerWeight;
                // A point the last check confirmed is already solved closely; solving it again, from point k, was a third of
                // the sparse benchmark's path (the closing λ each solved five times).
                bool previousConfirmed = confirmed == k - 1;
                if (!previousConfirmed)
                {
                    if (!SolveAt(lambdas[k - 1], lambdas[k - 1], closer))
                    {
                        return true;
                    }
                    fitted[k - 1] = Point(k - 1, lambdas[k - 1], columns);
                }
                if (!SolveAt(lambdas[k], lambdas[previousConfirmed ? k : k - 1], closer))
                {
                    return true;
                }
                fitted[k] = Point(k, lambdas[k], columns);
                confirmed = k;
                change = fitted[k].Ratio - fitted[k - 1].Ratio;
            }
            return fitted[k].Ratio > GlmnetEarlyStop.DevianceMax || change < GlmnetEarlyStop.DevianceChange;
        }
    }

    // How far below λ_max (relative) a given λ still counts as it: rounding, not a move.
    private const double NullLambdaRounding = 1e-12;

    /// <summary>glmnet's sequence: <paramref name="count"/> values log-spaced from λ_max down to ratio·λ_max.</summary>
    internal static double[] Sequence(double lambdaMax, int count, double ratio) =>
        Enumerable.Range(0, count).Select(k => count == 1 ? lambdaMax : lambdaMax * Math.Exp(k * Math.Log(ratio) / (count - 1))).ToArray();
}
