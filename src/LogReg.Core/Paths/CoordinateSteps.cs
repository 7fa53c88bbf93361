using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>The rules the three one-λ solvers share: a coordinate's minimiser, glmnet's sweep schedule, its stopping test.</summary>
internal static class CoordinateSteps
{
    /// <summary>The share of an objective below which its changes are rounding (its sum over the rows, the log-sum-exps).</summary>
    public const double RoundingShare = 1e-13;

    /// <summary>
    /// The minimiser along one coordinate of the quadratic model plus the penalty: soft-threshold the coordinate's
    /// gradient term <paramref name="g"/> (its negative gradient plus curvature × its value) by λα, divide by the curvature
    /// plus λ(1 − α).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Minimizer(double g, double curvature, double l1, double l2)
    {
        double excess = Excess(g, l1);
        // Within the threshold the coordinate is zero whatever its curvature: a column whose rows are all fitted with
        // certainty has none, and 0/0 had ended a wide set's path with a false verdict of separation.
        if (excess == 0)
        {
            return 0;
        }
        double value = excess / (curvature + l2);
        return double.IsFinite(value) ? value : Vanished();
    }

    /// <summary>
    /// As <see cref="Minimizer"/>, given 1/(curvature + λ(1 − α)) instead: the sparse sweeps form it while the column's dot
    /// product is still being summed, so that no division waits for the sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinimizerByReciprocal(double g, double reciprocal, double l1)
    {
        double excess = Excess(g, l1);
        if (excess == 0)
        {
            return 0;
        }
        double value = excess * reciprocal;
        return double.IsFinite(value) ? value : Vanished();
    }

    // The soft-thresholded gradient term: g moved toward 0 by λα, 0 within it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Excess(double g, double l1) => g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;

    // Out of line, so that the hot minimiser stays small enough to inline.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static double Vanished() => throw new CurvatureVanishedException();

    /// <summary>Thrown by <see cref="Minimizer"/>: the paths end before the λ (<see cref="IRegularizationPath.UnsettledLambda"/>)
    /// unless a solver catches it to finish the λ another way (the multinomial rounds hand it to the joint steps).</summary>
    internal sealed class CurvatureVanishedException : Exception;

    /// <summary>
    /// glmnet's schedule after a sweep whose largest change of the model was <paramref name="largest"/>: a full sweep that
    /// settles ends the step; an unsettled one is followed by sweeps over the non-zero coordinates alone until they
    /// settle, then a full sweep again. Returns whether the step is done.
    /// </summary>
    public static bool SweepDone(double largest, double threshold, ref bool activeOnly)
    {
        if (largest >= threshold)
        {
            activeOnly = true;
            return false;
        }
        if (!activeOnly)
        {
            return true;
        }
        activeOnly = false;
        return false;
    }

    /// <summary>
    /// A curvature formed for a Newton step (the covariance form's Gram, the sparse sweeps' held model) serves later steps
    /// and λ while the coefficients (standardised) and the intercept have moved by less than this in all since.
    /// </summary>
    public const double FreshCurvatureMove = 1e-3;

    /// <summary>A Newton step's largest move, the intercept's or a coordinate's: what a held curvature's drift adds up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LargestMove(double interceptMove, ReadOnlySpan<double> moves)
    {
        double largest = Math.Abs(interceptMove);
        foreach (double move in moves)
        {
            largest = Math.Max(largest, Math.Abs(move));
        }
        return largest;
    }

    /// <summary>glmnet's penalty λ[(1 − α)/2·β² + α|β|] over <paramref name="columns"/> (the others hold zeros).</summary>
    public static double Penalty(double[] beta, int[] columns, double lambda, double alpha)
    {
        double penalty = 0;
        foreach (int j in columns)
        {
            penalty += lambda * ((1 - alpha) / 2 * beta[j] * beta[j] + alpha * Math.Abs(beta[j]));
        }
        return penalty;
    }

    /// <summary>Whether a Newton step moved no coordinate (intercept included) by Hⱼⱼ·move² ≥ <paramref name="threshold"/>: the λ is solved.</summary>
    public static bool Settled(double interceptCurvature, double interceptMove, Func<int, double> curvature, ReadOnlySpan<double> moves, double threshold) =>
        StepSize(interceptCurvature, interceptMove, curvature, moves) < threshold;

    /// <summary>A Newton step's largest change of the quadratic model by one coordinate's move (intercept included), Hⱼⱼ·move².</summary>
    public static double StepSize(double interceptCurvature, double interceptMove, Func<int, double> curvature, ReadOnlySpan<double> moves)
    {
        double moved = interceptCurvature * interceptMove * interceptMove;
        for (int a = 0; a < moves.Length; a++)
        {
            moved = Math.Max(moved, curvature(a) * moves[a] * moves[a]);
        }
        return moved;
    }
}
