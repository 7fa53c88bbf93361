using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// A few large arrays a problem's solves have let go (a quadratic model's curvature or raw Gram, once its model is
/// replaced or dropped), handed to the next solve that needs one at least as long: a path over hundreds of columns forms
/// a new model of m² values at most λ, and fresh arrays cost a page fault and the kernel's zeroing for every 4 KB — on
/// ticdata's 455 columns over 5 GB a cross-validation. One problem's solves run one at a time, so this needs no lock.
/// Its misses are served by <see cref="PooledArray"/>, and everything it holds once its problem is done
/// (<see cref="ReleaseAll"/>) goes back there.
/// </summary>
internal sealed class MatrixScratch
{
    // Enough for a model's curvature and raw Gram and one spare of each: more were never asked for before some came back.
    private const int Kept = 4;

    private readonly List<double[]> _free = [];

    /// <summary>An array of at least <paramref name="length"/> values, with whatever a solve (this problem's or an earlier
    /// one's) left in it.</summary>
    public double[] Rent(int length)
    {
        int best = -1;
        for (int i = 0; i < _free.Count; i++)
        {
            if (_free[i].Length >= length && (best < 0 || _free[i].Length < _free[best].Length))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            // The pool's lengths are powers of two: along a path the columns in play grow a few at a time, and an array of
            // exactly the length asked for was too short for the next solve (mlbench DNA: 54 MB allocated a path).
            return PooledArray.Rent<double>(length);
        }
        var array = _free[best];
        _free.RemoveAt(best);
        return array;
    }

    /// <summary>Takes back <paramref name="array"/>, which no one reads or writes any more; the shortest is let go when full.</summary>
    public void Return(double[]? array)
    {
        if (array is null || array.Length == 0)
        {
            return;
        }
        _free.Add(array);
        if (_free.Count > Kept)
        {
            // Left to the collector: a path's arrays grow, and the pool would keep every size it passed through.
            _free.Remove(_free.MinBy(a => a.Length)!);
        }
    }

    /// <summary>Takes back the curvature and raw Gram of <paramref name="model"/>, which is dropped, and hands its active-set
    /// system's storage to the shared pool. Left to the collector, that storage drained the pool of its size: on a 4-class
    /// 2,500 × 300 cross-validation every later factorisation and single-precision Gram allocated afresh, 5.4 GB a run.</summary>
    public void Return(QuadraticModel model)
    {
        Return(model.H);
        Return(model.Formed?.Gram);
        model.ReleaseSystemStorage();
    }

    /// <summary>Hands every array kept to the shared pool: the problem is done, and nothing reads them any more.</summary>
    public void ReleaseAll()
    {
        foreach (var array in _free)
        {
            PooledArray.Return(array);
        }
        _free.Clear();
    }
}
