using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// One λ of the multinomial path as glmnet solves it: the classes in turn, each one Newton step of the binary solver on
/// its own quadratic model (with the other classes' margins fixed, class k's softmax probability is the sigmoid of its
/// margin plus an offset), glmnet's shift of each feature's K coefficients after a round, Aitken jumps along the rounds'
/// common direction — until the distance left is below the threshold, or (where the joint Newton steps can take over)
/// until the rounds show they will not get there.
/// </summary>
internal static class MultinomialRounds
{
    private const int MaxRounds = 100_000;

    // Rounds after which the joint Newton steps finish a λ where they can: 3.5× the most any λ took on the lasso paths
    // measured (71 on letter, 52 on a synthetic 10-class set, 38 on spam as 4 classes).
    private const int RoundsBeforeTakeover = 250;

    // Rounds after which rounds the joint steps cannot take over end the λ when their rate says they will not finish
    // (HopelessBy): earlier, a plateau of 20 rounds is common on the way to convergence.
    private const int RoundsBeforeGivingUp = 10_000;

    // Rounds over which the rounds' progress is judged (HopelessBy).
    private const int ProgressWindow = 20;

    // A class's solve within a round stops at this share of the last round's move (or the threshold).
    private const double InnerShare = 0.01;

    // The rate, over the last ProgressWindow rounds, at or above which rounds that the joint steps cannot take over are
    // guarded: each class's step then has to lower the objective, halved until it does. One Newton step per class,
    // unguarded as glmnet's, can overshoot and cycle — a 300-row set of 6,000 rare columns, 3 classes, cycled at its
    // second λ with a move of 0.49 for 100,000 rounds. Guarding every round instead cost the 10,000 × 5,000 × 10 text
    // path 2.2× its time (36.9 s against 17.1 s): converging rounds are left as they were.
    private const double StalledRate = 0.99;

    private const int MaxHalvings = 50;

    // The most one class step may move a row's margin (a trust region on the one-step quadratic model). Unguarded steps on
    // 10,000 rows × 8,000 rare words × 20 classes blew up at a lasso λ of 0.05·λ_max: a class's curvature along rare
    // columns was nearly gone, its step moved margins by ~1e270 in the 7th round and every row became certain. Converging
    // rounds move margins by far less; a step beyond it is shortened to it, and the λ's later steps are guarded.
    private const double MaxMarginMove = 10;

    // Rounds over the classes, one Newton step each on its own quadratic model, until the distance left — a round's change
    // over (1 − ρ)², ρ the rate at which successive rounds' moves shrink — is below the threshold: the rounds converge
    // linearly, and a slow rate leaves the last round's move far short of the distance to the optimum. With canYield,
    // returns false instead of going on (the joint steps take over) after RoundsBeforeTakeover rounds, earlier when their
    // rate says they will not finish by then (HopelessBy), or when a class's curvature along a column vanishes. With
    // measureRate they stop only on a measured rate (not in a λ's first round, nor in the round after a jump, where the
    // rate is unknown and taken as 0): rounds sent on because they stopped short had stopped so, one round at a time.
    public static bool Solve(PathProblem problem, SoftmaxMargins margins, ClassCurvatureAge ages, ClassScreen screen, double[][] beta, double[] intercepts,
        bool[] present, double[][] indicators, double[] offsets, double lambda, double alpha, double threshold, bool canYield, bool measureRate = false)
    {
        try
        {
            return Run(problem, margins, ages, screen, beta, intercepts, present, indicators, offsets, lambda, alpha, threshold, canYield, measureRate);
        }
        catch (CoordinateSteps.CurvatureVanishedException) when (canYield)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Run(PathProblem problem, SoftmaxMargins margins, ClassCurvatureAge ages, ClassScreen screen, double[][] beta, double[] intercepts,
        bool[] present, double[][] indicators, double[] offsets, double lambda, double alpha, double threshold, bool canYield, bool measureRate)
    {
        var columns = screen.Union;
        int maxRounds = canYield ? RoundsBeforeTakeover : MaxRounds;
        double previous = double.PositiveInfinity, previousChange = double.PositiveInfinity;
        var extrapolation = new RoundExtrapolation(beta, intercepts, present, columns, margins.Work);
        var (before, shiftMargins) = (margins.Work.ClassStart, margins.Work.ShiftMoves);
        var shift = margins.Work.FeatureShift(problem.FeatureCount);
        bool jumped = false;
        bool guarded = false;
        var changes = new double[ProgressWindow];
        var stepArrays = margins.Work.StepArrays(columns.Length);
        var step = new HalvableStep(columns, stepArrays[0], stepArrays[1]);
        // The class solves move the margins with their coordinates (LastSolveMovedLinearPart): recomputed here, their
        // rounding drifts over one λ's rounds at most.
        for (int k = 0; k < beta.Length; k++)
        {
            margins.Set(k, beta[k], intercepts[k], columns);
        }
        for (int round = 0; round < maxRounds; round++)
        {
            margins.RefreshIfStale();
            extrapolation.BeginRound();
            double change = 0;
            double? carried = null;
            for (int k = 0; k < beta.Length; k++)
            {
                if (!present[k])
                {
                    continue;
                }
                margins.OffsetsFor(k, offsets);
                (problem.Labels, problem.Offsets) = (indicators[k], offsets);
                margins.Copy(k, before);
                problem.StartingLinearPart = margins.LinearPart(k);
                problem.JudgeHeldGram(ages.StillFits(k));
                // Where the last class's guarded step ended, unless this is the round's first.
                bool guardStep = guarded;
                double start = guardStep ? carried ?? MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha, columns) : 0;
                step.Begin(beta[k], intercepts[k]);
                intercepts[k] = problem.Solve(screen.ByClass[k], beta[k], intercepts[k], lambda, alpha, Math.Max(threshold, InnerShare * previousChange), newtonSteps: 1);
                if (!problem.LastSolveMovedLinearPart)
                {
                    margins.Set(k, beta[k], intercepts[k], columns);
                }
                margins.Update(k);
                var moves = margins.ChangeBound(k, before);
                if (moves.Largest > MaxMarginMove)
                {
                    Shorten(step, MaxMarginMove / moves.Largest, problem, margins, k, beta, intercepts, columns);
                    (guarded, carried) = (true, null);
                    moves = margins.ChangeBound(k, before);
                }
                if (guardStep)
                {
                    double after = MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha, columns);
                    for (int halving = 0; halving < MaxHalvings && after > start + CoordinateSteps.RoundingShare * Math.Abs(start); halving++)
                    {
                        Shorten(step, 0.5, problem, margins, k, beta, intercepts, columns);
                        after = MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha, columns);
                    }
                    carried = after;
                    moves = margins.ChangeBound(k, before);
                }
                change = Math.Max(change, moves.Bound);
                ages.Moved(k, moves.Largest, moves.Felt);
            }
            if (PenaltyShift.ApplyToAll(beta, columns, alpha, shift))
            {
                // Every class's coefficients moved by the same c: each class's margins move by −x̃ᵢ·c.
                problem.LinearPart(shift, 0, shiftMargins);
                margins.SubtractFromAll(shiftMargins);
                // A shifted feature's coefficients are now non-zero in every class: each class's solve takes it.
                screen.KeepNonZero(beta);
            }
            // The round after a jump measures the jump's error, not the rounds' rate: it neither ends the λ nor sets a rate.
            double rate = Math.Min(Math.Sqrt(change / previous), 0.999);
            bool rateKnown = !double.IsPositiveInfinity(previous);
            previous = jumped ? double.PositiveInfinity : change;
            previousChange = change;
            if (!jumped && (rateKnown || !measureRate) && change / ((1 - rate) * (1 - rate)) < threshold)
            {
                problem.Offsets = null;
                return true;
            }
            guarded |= Stalled(changes, round, change);
            if (HopelessBy(changes, round, change, threshold, maxRounds) && (canYield || round >= RoundsBeforeGivingUp))
            {
                // The joint steps take over where they can; else the λ ends the path rather than after 100,000 rounds
                // (15 classes, rare class words, λ = 1e-6 from a cold start: guarded rounds ran past 300 s).
                return canYield ? false : throw new UnsettledLambdaException(
                    $"The multinomial rounds at λ = {lambda:G6} would not converge within {maxRounds} rounds at their rate.");
            }
            jumped = TryJump(extrapolation, margins, beta, intercepts, columns, lambda, alpha);
            if (jumped)
            {
                ages.Forget();
            }
        }
        if (canYield)
        {
            return false;
        }
        throw new UnsettledLambdaException($"The multinomial path did not converge at λ = {lambda:G6} in {MaxRounds} rounds over the classes.");
    }

    // Shortens class k's step by `factor` and moves its margins with it.
    private static void Shorten(HalvableStep step, double factor, PathProblem problem, SoftmaxMargins margins, int k, double[][] beta,
        double[] intercepts, int[] columns)
    {
        intercepts[k] = step.Shorten(beta[k], intercepts[k], factor);
        margins.Set(k, beta[k], intercepts[k], columns);
        margins.Update(k);
        // The step now ends short of where the solve held its Gram.
        problem.JudgeHeldGram(false);
    }

    // Whether, at the rate the rounds' moves shrank over the last ProgressWindow rounds, they would not reach the threshold
    // within maxRounds: then the joint steps take over now rather than after the budget (mlbench's DNA at λ = 0: moves of
    // 1e-2 shrinking ~0.6 % a round against a threshold of 2e-7 — thousands of rounds). Records this round's move.
    internal static bool HopelessBy(double[] changes, int round, double change, double threshold, int maxRounds)
    {
        int window = changes.Length;
        double then = changes[round % window];
        changes[round % window] = change;
        if (round < window)
        {
            return false;
        }
        double rate = Math.Pow(change / then, 1.0 / window);
        return rate >= 1 || Math.Log(threshold / change) / Math.Log(rate) > maxRounds - round;
    }

    // Whether the rounds' moves shrank by less than StalledRate a round over the last ProgressWindow rounds (as recorded
    // by HopelessBy, which records this one next).
    private static bool Stalled(double[] changes, int round, double change) =>
        round >= changes.Length && change >= changes[round % changes.Length] * Math.Pow(StalledRate, changes.Length);

    // Aitken's jump along the last rounds' common direction, kept only if the objective falls.
    private static bool TryJump(RoundExtrapolation extrapolation, SoftmaxMargins margins, double[][] beta, double[] intercepts, int[] columns,
        double lambda, double alpha)
    {
        double jump = extrapolation.JumpAfterRound();
        if (jump == 0)
        {
            return false;
        }
        double before = MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha);
        margins.Save();
        extrapolation.Apply(jump);
        for (int k = 0; k < beta.Length; k++)
        {
            margins.Set(k, beta[k], intercepts[k], columns);
        }
        if (MultinomialElasticNetPath.Objective(margins, beta, lambda, alpha) < before)
        {
            return true;
        }
        extrapolation.Undo();
        margins.Restore();
        return false;
    }
}
