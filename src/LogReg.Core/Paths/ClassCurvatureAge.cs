namespace LogReg.Core.Paths;

/// <summary>
/// How far the margins have moved since each class's Gram was formed, in the multinomial path's rounds: a class's
/// curvature weights pᵢₖ(1 − pᵢₖ) move with every class's margins, and while no row's margins have moved by more than
/// <see cref="FreshMarginMove"/> in all, the class's next Newton step takes the Gram it held (its gradient is exact;
/// the curvature is off by a few per cent at most). The Gram was most of a round's arithmetic on dense data. The problem
/// holds one Gram per class, K·(m + 1)² values (m ≤ 1,000 dense columns in the covariance form; sparse class solves sweep).
/// </summary>
internal sealed class ClassCurvatureAge(int classes)
{
    // The softmax's log-probabilities move by at most twice a margin move, and pq by about as much relatively.
    private const double FreshMarginMove = 0.05;

    private readonly double[] _moved = Enumerable.Repeat(double.PositiveInfinity, classes).ToArray();

    /// <summary>Whether class k's held Gram still fits its next solve; when it does not, the solve forms a fresh one and its age restarts.</summary>
    public bool StillFits(int k)
    {
        if (_moved[k] <= FreshMarginMove)
        {
            return true;
        }
        _moved[k] = 0;
        return false;
    }

    /// <summary>One class's margins moved by at most <paramref name="largest"/> on any row (every class's probabilities moved with them).</summary>
    public void Moved(double largest)
    {
        for (int k = 0; k < _moved.Length; k++)
        {
            _moved[k] += largest;
        }
    }

    /// <summary>Every class forms its Gram afresh (after a jump along the rounds' direction).</summary>
    public void Forget() => Array.Fill(_moved, double.PositiveInfinity);
}
