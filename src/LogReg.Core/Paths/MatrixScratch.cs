namespace LogReg.Core.Paths;

/// <summary>
/// A few large arrays a problem's solves have let go (a quadratic model's curvature or raw Gram, once its model is
/// replaced or dropped), handed to the next solve that needs one at least as long: a path over hundreds of columns forms
/// a new model of m² values at most λ, and fresh arrays cost a page fault and the kernel's zeroing for every 4 KB — on
/// ticdata's 455 columns over 5 GB a cross-validation. One problem's solves run one at a time, so this needs no lock.
/// </summary>
internal sealed class MatrixScratch
{
    // Enough for a model's curvature and raw Gram and one spare of each: more were never asked for before some came back.
    private const int Kept = 4;

    private readonly List<double[]> _free = [];

    /// <summary>An array of at least <paramref name="length"/> values, with whatever a solve left in it.</summary>
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
            return new double[Grown(length)];
        }
        var array = _free[best];
        _free.RemoveAt(best);
        return array;
    }

    /// <summary>
    /// A fresh array's length: the next power of two from <paramref name="length"/>. Along a path the columns in play grow a
    /// few at a time, so arrays of exactly the length asked for were each too short for the next solve and the scratch hardly
    /// ever handed one on (mlbench DNA: 54 MB allocated a path, about a seventh of its time in the allocations' page faults
    /// and zeroing); rounded up, a path allocates a few, at most twice the largest it needs.
    /// </summary>
    internal static int Grown(int length) =>
        length <= 1 << 30 ? (int)Math.Max(1u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length)) : Array.MaxLength;

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
            _free.Remove(_free.MinBy(a => a.Length)!);
        }
    }

    /// <summary>Takes back the curvature and raw Gram of <paramref name="model"/>, which is dropped.</summary>
    public void Return(QuadraticModel model)
    {
        Return(model.H);
        Return(model.Formed?.Gram);
    }
}
