using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial path's cache of eᵢₗ = exp(ηᵢₗ − cᵢ) for every class and row (cᵢ the row's largest margin when the row
/// was last refilled; 0 for a class out of play), held class by class, with three row sums kept as the classes move in
/// turn: the total, the class that was largest at the refill (its "top") and the sum over the others. One class's offset
/// then costs a subtraction per row — summed over the classes, a round's offsets were K² row passes, a third of a
/// 26-class path's time — and a class's update one pass over its own rows.
/// </summary>
internal sealed partial class SoftmaxExponentials
{
    private readonly bool[] _present;
    private readonly double[][] _exp;
    private readonly double[] _shift;
    private readonly double[] _total;
    private readonly double[] _othersOfTop;
    // The top's class as a double (exact), so that the refill can track it in the same vectors as the margins.
    private readonly double[] _top;
    private readonly double[] _scratch;

    public SoftmaxExponentials(bool[] present, int rows)
    {
        _present = present;
        _exp = present.Select(_ => new double[rows]).ToArray();
        (_shift, _total, _othersOfTop, _top, _scratch) = (new double[rows], new double[rows], new double[rows], new double[rows], new double[rows]);
    }

    private int ClassCount => _present.Length;

    /// <summary>eᵢₖ.</summary>
    public double Exponential(int k, int i) => _exp[k][i];

    /// <summary>Row i's softmax from the cache; its top is the largest class only as of the last refill.</summary>
    public SoftmaxRow Row(int i) => new((int)_top[i], _othersOfTop[i], _total[i]);

    /// <summary>Refills every row from the margins <paramref name="eta"/> (one array per class).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Refresh(double[][] eta)
    {
        // A class at a time and in vectors (the exponentials as scalars were a tenth of a path's time; the largest
        // margin's class tracked with a branch per row and class was a tenth of a 26-class path's).
        Array.Fill(_shift, double.NegativeInfinity);
        for (int l = 0; l < ClassCount; l++)
        {
            if (_present[l])
            {
                TrackLargest(eta[l], l);
            }
        }
        Array.Clear(_othersOfTop);
        Array.Clear(_total);
        for (int l = 0; l < ClassCount; l++)
        {
            var exp = _exp[l];
            if (!_present[l])
            {
                Array.Clear(exp);
                continue;
            }
            Array.Copy(eta[l], exp, exp.Length);
            Numerics.VectorKernels.AddScaled(_shift, -1, exp);
            Numerics.VectorMath.ExpNonPositive(exp, exp);
            AddToSums(exp, l);
        }
    }

    /// <summary>After class k's margins <paramref name="margins"/> changed: its exponentials and the row sums (a row whose
    /// margin rose far past its shift is refilled from <paramref name="eta"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int k, double[] margins, double[][] eta)
    {
        var exp = _exp[k];
        for (int i = 0; i < _shift.Length; i++)
        {
            _scratch[i] = Math.Min(margins[i] - _shift[i], 0);
        }
        Numerics.VectorMath.ExpNonPositive(_scratch, _scratch);
        int done = UpdateInVectors(k, margins, eta);
        UpdateRows(k, margins, eta, done, _shift.Length);
    }

    // Update's rows [from, to) one by one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRows(int k, double[] margins, double[][] eta, int from, int to)
    {
        var exp = _exp[k];
        for (int i = from; i < to; i++)
        {
            // A margin above the row's shift (rare: the class overtook the row's largest) takes the scalar exponential.
            double z = margins[i] - _shift[i];
            if (z > 500)
            {
                RefreshRow(i, eta);
                continue;
            }
            double value = z > 0 ? Math.Exp(z) : _scratch[i], change = value - exp[i];
            exp[i] = value;
            if (_top[i] == k)
            {
                _total[i] = _othersOfTop[i] + value;
            }
            else
            {
                _othersOfTop[i] += change;
                _total[i] += change;
            }
        }
    }

    /// <summary>Σ over the present classes other than k of eᵢₗ, for every row, into <paramref name="others"/>.</summary>
    public void OthersThan(int k, double[] others)
    {
        int done = OthersThanInVectors(k, others);
        OthersThanRows(k, others, done, others.Length);
    }

    // OthersThan's rows [from, to) one by one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OthersThanRows(int k, double[] others, int from, int to)
    {
        var exp = _exp[k];
        for (int i = from; i < to; i++)
        {
            double own = exp[i], total = _total[i];
            // The top's others are kept; any other class's are the total less its own unless it holds most of the total
            // (it overtook the top since the refill), where the subtraction would cancel their digits and they are summed.
            others[i] = _top[i] == k ? _othersOfTop[i] : own <= 0.5 * total ? total - own : SumOthers(k, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SumOthers(int k, int i)
    {
        double others = 0;
        for (int l = 0; l < ClassCount; l++)
        {
            others += l == k ? 0 : _exp[l][i];
        }
        return others;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RefreshRow(int i, double[][] eta)
    {
        double shift = double.NegativeInfinity;
        int top = 0;
        for (int l = 0; l < ClassCount; l++)
        {
            if (_present[l] && eta[l][i] > shift)
            {
                (shift, top) = (eta[l][i], l);
            }
        }
        double others = 0;
        for (int l = 0; l < ClassCount; l++)
        {
            double value = _present[l] ? Math.Exp(eta[l][i] - shift) : 0;
            _exp[l][i] = value;
            others += l == top ? 0 : value;
        }
        (_shift[i], _top[i], _othersOfTop[i], _total[i]) = (shift, top, others, others + _exp[top][i]);
    }
}
