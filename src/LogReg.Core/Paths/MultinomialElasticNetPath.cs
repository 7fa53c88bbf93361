using LogReg.Core.Data;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial (softmax) elastic-net path, glmnet's <c>family = "multinomial"</c> with its default ungrouped
/// penalty: (1/Σsᵢ)·Σ sᵢ·(−log pᵢ,yᵢ) + λ·Σₖ[(1 − α)/2·‖βₖ‖² + α‖βₖ‖₁], the K intercepts unpenalised; strong rules and
/// KKT checks after each λ for each class's coefficients on their own (<see cref="ClassScreen"/>; glmnet screens a feature
/// in for every class). A λ is solved by Newton steps over every class at once
/// where the joint Hessian is small (<see cref="MultinomialNewtonSolve.Applies"/>: few classes over few screened-in
/// columns), else as glmnet does it: the classes in turn, each one Newton step of the binary solver on its own quadratic
/// model — with the other classes' margins fixed, class k's softmax probability is the sigmoid of its margin plus an
/// offset — until a whole round moves no class.
/// </summary>
public static class MultinomialElasticNetPath
{
    // How much more closely the λ near the early stop are solved.
    private const double ConfirmingShare = 0.01;

    // How many times a λ's rounds go on after stopping short of its optimum (ClassResidualCheck).
    private const int MaxResumes = 10;

    /// <summary>The path of the softmax model over <paramref name="data"/>; it ends before a λ not solved in 100,000 rounds over
    /// the classes or <see cref="ElasticNetPathOptions.MaxNewtonSteps"/> joint Newton steps, or where rows fitted with certainty
    /// leave a column no curvature (<see cref="IRegularizationPath.UnsettledLambda"/>).</summary>
    /// <exception cref="ArgumentException">Fewer than two classes with weight; options out of range.</exception>
    /// <exception cref="InvalidOperationException">λ = 0 is asked for and a class is separated from the others
    /// (<see cref="SeparatedClassCheck"/>); not even the first of the given <see cref="ElasticNetPathOptions.Lambdas"/> was solved.</exception>
    public static MultinomialRegularizationPath Fit(MulticlassTrainingSet data, ElasticNetPathOptions? options = null) =>
        Fit(data, options, jointNewton: null);

    /// <summary>As the public overload; <paramref name="jointNewton"/> forces the joint Newton steps (true) or the rounds
    /// (false) at every λ instead of choosing by shape (<see cref="MultinomialNewtonSolve.Applies"/>); <paramref name="lead"/>
    /// and <paramref name="follow"/> as <see cref="ElasticNetPath"/>'s; <paramref name="scorer"/>, when given, is handed each
    /// point as it is solved and the path keeps the points' summaries without their coefficients.</summary>
    internal static MultinomialRegularizationPath Fit(MulticlassTrainingSet data, ElasticNetPathOptions? options, bool? jointNewton,
        LambdaFeed? lead = null, LambdaFeed? follow = null, HeldOutPointScorer? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ElasticNetPathOptions();
        options.Validate();
        int classes = data.ClassCount, d = data.FeatureCount;
        var classWeights = data.ClassWeights();
        var present = classWeights.Select(w => w > 0).ToArray();
        if (present.Count(p => p) < 2)
        {
            throw new ArgumentException("A multinomial path needs weight on at least two classes.", nameof(data));
        }
        var indicators = Enumerable.Range(0, classes).Select(k => data.Labels.Select(y => y == k ? 1.0 : 0.0).ToArray()).ToArray();
        // The binary problem holds the standardised columns and the weights; its labels and offsets are set per class.
        int largest = Array.IndexOf(classWeights, classWeights.Max());
        var binary = new TrainingSet(PathForm.SparseRows(data.Features) ?? data.Features, indicators[largest], data.ExampleWeights, data.FeatureNames);
        PathProblem problem = binary.Features.IsSparse
            ? SparseStandardizedProblem.Of(binary, options.Standardize)
            : StandardizedProblem.Of(binary, options.Standardize);
        double totalWeight = classWeights.Sum();
        var beta = Enumerable.Range(0, classes).Select(_ => new double[d]).ToArray();
        var intercepts = classWeights.Select(w => w > 0 ? Math.Log(w / totalWeight) : double.NegativeInfinity).ToArray();
        double nullDeviance = -2 * classWeights.Where(w => w > 0).Sum(w => w * Math.Log(w / totalWeight));
        var margins = new SoftmaxMargins(problem, data.Labels, present);
        for (int k = 0; k < classes; k++)
        {
            margins.Set(k, beta[k], intercepts[k]);
        }
        double threshold = options.ToleranceFor(multinomial: true) * nullDeviance / totalWeight;
        double alpha = options.L1Ratio;
        var (gradients, deviance, _) = margins.GradientsAndDeviance();
        var lambdas = options.Lambdas?.ToArray() ?? ElasticNetPath.Sequence(gradients.Max(g => g.Max()) / Math.Max(alpha, 1e-3), options.LambdaCount,
            options.LambdaMinRatioFor(data.RowCount, d));
        // A fold following the full path is asked at λ = 0 only if the full path reaches it (it may end before).
        if (follow is null && lambdas.Contains(0))
        {
            SeparatedClassCheck.RefuseAtZero(data, present);
        }
        lead?.Start(lambdas);
        var offsets = new double[data.RowCount];
        var ages = new ClassCurvatureAge(classes);
        var fitted = new MultinomialPathPoints(problem, present, scorer);
        var screen = new ClassScreen(problem, present);
        var predictor = new PathPredictor();
        double previousLambda = lambdas[0];
        double? unsettled = null;
        bool endedEarly = false;
        // Whether the λ are solved ConfirmingShare times as closely, near the early stop.
        bool closing = false;

        for (int step = 0; step < lambdas.Length && (follow is null || follow.Reaches(step)); step++)
        {
            double lambda = lambdas[step];
            if (lambda == 0 && follow is not null)
            {
                SeparatedClassCheck.RefuseAtZero(data, present);
            }
            // Near the stop both of a λ's stopping tests are that much closer: the moves' threshold, and the tolerance the
            // joint steps' promise is held to.
            double share = closing ? ConfirmingShare : 1;
            double lambdaThreshold = share * threshold, lambdaTolerance = share * options.ToleranceFor(multinomial: true);
            if (step == 0 && options.Lambdas is null)
            {
                fitted.AddNull(lambda, intercepts);
                lead?.Solved(fitted.Count);
                continue;
            }
            screen.Start(gradients, lambda, previousLambda, alpha, beta);
            StartFromPrediction(predictor, margins, screen.Union, beta, intercepts, present, deviance, lambda, alpha);
            // A λ whose steps or rounds run out, or where rows fitted with certainty leave a column no curvature, ends the
            // path: the λ before it are solved.
            int resumes = 0;
            // Whether this λ's joint steps failed to settle and the rounds finish it.
            bool roundsOnly = false;
            try
            {
                while (true)
                {
                    var columns = screen.Union;
                    int presentCount = present.Count(p => p);
                    bool joint = !roundsOnly && (jointNewton ?? MultinomialNewtonSolve.Applies(presentCount, columns.Length, alpha));
                    if (!joint)
                    {
                        bool canYield = !roundsOnly && jointNewton is null && MultinomialNewtonSolve.CanTakeOver(presentCount, columns.Length);
                        joint = !MultinomialRounds.Solve(problem, margins, ages, screen, beta, intercepts, present, indicators, offsets,
                            lambda, alpha, lambdaThreshold, canYield, measureRate: resumes > 0);
                        if (joint)
                        {
                            // The rounds left a class mid-solve: the margins follow the coefficients again.
                            problem.Offsets = null;
                            for (int k = 0; k < classes; k++)
                            {
                                margins.Set(k, beta[k], intercepts[k], columns);
                            }
                        }
                    }
                    if (joint)
                    {
                        try
                        {
                            MultinomialNewtonSolve.Solve(problem, margins, columns, beta, intercepts, present, lambda, alpha, lambdaThreshold,
                                lambdaTolerance, options.MaxNewtonSteps);
                        }
                        catch (UnsettledLambdaException) when (jointNewton is null && !roundsOnly)
                        {
                            // Exactly collinear columns under the lasso (a duplicated column, a factor's full set of dummies):
                            // the joint steps' active-set finish can fail to settle where the rounds over the classes converge
                            // (an outside tester's iris with copied columns and BreastCancer's full dummies ended at 80 and
                            // 77 λ of 100). The rounds go on from where the steps left the coefficients, every one a descent.
                            ages.Forget();
                            screen.KeepNonZero(beta);
                            roundsOnly = true;
                            continue;
                        }
                        ages.Forget();
                        screen.KeepNonZero(beta);
                    }
                    (gradients, deviance, var curvatures) = margins.GradientsAndDeviance();
                    if (screen.AddViolations(gradients, lambda, alpha))
                    {
                        continue;
                    }
                    // Rounds that stopped short go on from where they stopped (ClassResidualCheck), a few times at most.
                    if (joint || ++resumes > MaxResumes
                        || !ClassResidualCheck.Unfinished(gradients, beta, screen.ByClass, curvatures, lambda, alpha, lambdaThreshold))
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is UnsettledLambdaException or CoordinateSteps.CurvatureVanishedException)
            {
                // A λ solved again more closely and not settled keeps its first solution, and the path ends there.
                unsettled = step < fitted.Count ? null : lambda;
                break;
            }
            double ratio = 1 - deviance / nullDeviance;
            bool again = step < fitted.Count;
            fitted.Set(step, lambda, beta, intercepts, screen.Union, screen.Union.Count(j => NonZeroInSome(beta, j)), ratio);
            if (!again)
            {
                lead?.Solved(fitted.Count);
            }
            predictor.Solved(lambda, beta, intercepts, screen.Union);
            previousLambda = lambda;
            if (step < fitted.Count - 1)
            {
                // The λ before the first closely solved one, solved again: the stop is decided at the λ after it.
                continue;
            }
            if (options.Lambdas is null && step + 1 >= GlmnetEarlyStop.MinimumLambdas && step > 0)
            {
                if (ratio > GlmnetEarlyStop.DevianceMax)
                {
                    endedEarly = step + 1 < lambdas.Length;
                    break;
                }
                // The rounds stop on the distance left as their rate extrapolates it, so a point's deviance is off by up
                // to ~40 % of a late λ's change (mlbench's Vowel: 1.24e-5 against 8.8e-6 on a tight path), and the early
                // stop — a change below 1e-5 between two points — went off at 78 or 80 λ where the rule on close solves
                // ends at 84, or went on past it. Near the stop the λ are solved closely, the one before the first such
                // λ again too, and the stop is decided on those.
                double change = ratio - fitted.Ratio(step - 1);
                if (change < GlmnetEarlyStop.ClosingChange && !closing)
                {
                    closing = true;
                    step -= 2;
                    continue;
                }
                if (closing && change < GlmnetEarlyStop.DevianceChange)
                {
                    endedEarly = step + 1 < lambdas.Length;
                    break;
                }
                closing = change < GlmnetEarlyStop.ClosingChange;
            }
        }
        if (fitted.Count == 0)
        {
            throw UnsettledNote.NoneSolved(unsettled!.Value, options.MaxNewtonSteps);
        }
        return fitted.ToPath(d, nullDeviance, unsettled) with { EndedEarly = endedEarly };
    }

    // Moves the last solution to the predicted start (PathPredictor) where that lowers the objective at λ; the margins
    // follow the coefficients either way. `deviance` is the last solution's.
    private static void StartFromPrediction(PathPredictor predictor, SoftmaxMargins margins, int[] columns, double[][] beta, double[] intercepts,
        bool[] present, double deviance, double lambda, double alpha)
    {
        double last = deviance / (2 * margins.TotalWeight) + beta.Sum(b => CoordinateSteps.Penalty(b, columns, lambda, alpha));
        if (!predictor.TryPredict(lambda, beta, intercepts))
        {
            return;
        }
        margins.Save();
        for (int k = 0; k < beta.Length; k++)
        {
            margins.Set(k, beta[k], intercepts[k], columns);
        }
        if (!(Objective(margins, beta, lambda, alpha, columns) < last))
        {
            predictor.Undo(beta, intercepts);
            margins.Restore();
            margins.Refresh();
        }
    }

    private static bool NonZeroInSome(double[][] beta, int j)
    {
        foreach (var b in beta)
        {
            if (b[j] != 0)
            {
                return true;
            }
        }
        return false;
    }

    // glmnet's objective: deviance/(2·Σsᵢ) + λ·Σₖ[(1 − α)/2·‖βₖ‖² + α‖βₖ‖₁].
    internal static double Objective(SoftmaxMargins margins, double[][] beta, double lambda, double alpha)
    {
        // The columns out of play hold zeros: the penalty over all of them is the penalty over those in play.
        var penalty = new Penalties.ElasticNetPenalty(lambda * (1 - alpha), lambda * alpha, beta[0].Length);
        return margins.Deviance() / (2 * margins.TotalWeight) + beta.Sum(b => penalty.Value(b));
    }

    // The same with the penalty summed over the columns in play alone: the rounds' guard evaluates it per class step, and
    // text sets have 10⁵ columns out of play.
    internal static double Objective(SoftmaxMargins margins, double[][] beta, double lambda, double alpha, int[] columns) =>
        margins.Deviance() / (2 * margins.TotalWeight) + beta.Sum(b => CoordinateSteps.Penalty(b, columns, lambda, alpha));
}
