namespace LogReg.Core.Paths;

/// <summary>
/// The λ of cross-validation's path on all rows, handed to the folds' paths while it is still being fitted: the folds
/// solve at exactly its λ (<see cref="FoldAlignment.SameLambdas"/>), but how many of them only its early stop decides, so
/// a fold goes on to a λ only once the full path has solved it — the folds' paths then equal those fitted after the full
/// path, whatever the thread count, and no core waits for the full path alone.
/// </summary>
internal sealed class LambdaFeed
{
    private readonly object _gate = new();
    private double[]? _lambdas;
    private int _solved;
    private bool _ended;

    /// <summary>The full path's sequence (its first <see cref="Solved"/> values end up in the path).</summary>
    public void Start(double[] lambdas)
    {
        lock (_gate)
        {
            _lambdas = lambdas;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The full path holds its first <paramref name="count"/> λ, solved.</summary>
    public void Solved(int count)
    {
        lock (_gate)
        {
            _solved = count;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The full path has ended (returned or thrown): no more λ.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The full path's sequence once it is known; null when the full path ended without one.</summary>
    public double[]? Sequence()
    {
        lock (_gate)
        {
            while (_lambdas is null && !_ended)
            {
                Monitor.Wait(_gate);
            }
            return _lambdas;
        }
    }

    /// <summary>Whether the full path holds λ number <paramref name="k"/> (0-based); waits until that is known.</summary>
    public bool Reaches(int k)
    {
        lock (_gate)
        {
            while (_solved <= k && !_ended)
            {
                Monitor.Wait(_gate);
            }
            return _solved > k;
        }
    }

    /// <summary>The λ of the full path as it ended, once it has; null when it ended without one.</summary>
    public double[]? Final()
    {
        lock (_gate)
        {
            while (!_ended)
            {
                Monitor.Wait(_gate);
            }
            return _lambdas?[.._solved];
        }
    }
}
