namespace LogReg.Core.Paths;

/// <summary>
/// How far the margins have moved since each class's Gram was formed, in the multinomial path's rounds: a class's
/// curvature weights pᵢₖ(1 − pᵢₖ) move with every class's margins, and while the largest moves of its own margins and
/// of the others' weighted by their probabilities (by which, to first order, they moved its log-probabilities) add up to
/// at most <see cref="FreshMarginMove"/>, the class's next Newton step takes the Gram it held (its gradient is exact; the
/// curvature is somewhat off). The Gram was most of a round's arithmetic on dense data. The problem holds one Gram per
/// class, K·(m + 1)² values (m ≤ 1,000 dense columns in the covariance form; sparse class solves sweep).
/// </summary>
internal sealed class ClassCurvatureAge(int classes)
{
    // The softmax's log-probabilities move by at most twice a margin move, and pq by about as much relatively: a Gram this
    // old may be off by tens of per cent on a row, which slows a class's step but does not move its optimum. On mlbench's
    // LetterRecognition (26 classes) 0.05 formed 18,500 Grams over the path and 0.2 8,800, in as many rounds; 0.5 took
    // more rounds.
    internal const double FreshMarginMove = 0.2;

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

    /// <summary>
    /// Class <paramref name="moving"/>'s margins moved by at most <paramref name="largest"/> on any row, and the other classes'
    /// log-probabilities, to first order, by at most <paramref name="felt"/> (the move weighted by the moving class's
    /// probability: among many classes, one class's step is hardly felt on the rows it gives little probability).
    /// </summary>
    public void Moved(int moving, double largest, double felt)
    {
        for (int k = 0; k < _moved.Length; k++)
        {
            _moved[k] += k == moving ? largest : felt;
        }
    }

    /// <summary>Every class forms its Gram afresh (after a jump along the rounds' direction).</summary>
    public void Forget() => Array.Fill(_moved, double.PositiveInfinity);
}
