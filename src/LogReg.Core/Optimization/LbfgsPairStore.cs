using System.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// The ring of m pairs (s, y) that <see cref="LbfgsMemory"/> keeps, in <typeparamref name="T"/> (double, or float on large
/// problems), with one spare pair: a new pair is written into the spare and swapped in only when it is kept, so a refused
/// pair never overwrites the oldest.
/// </summary>
internal sealed class LbfgsPairStore<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private T[] _spareS;
    private T[] _spareY;

    public LbfgsPairStore(int dimension, int capacity)
    {
        S = new T[capacity][];
        Y = new T[capacity][];
        for (int k = 0; k < capacity; k++)
        {
            S[k] = new T[dimension];
            Y[k] = new T[dimension];
        }
        _spareS = new T[dimension];
        _spareY = new T[dimension];
    }

    /// <summary>sₖ by slot.</summary>
    public T[][] S { get; }

    /// <summary>yₖ by slot.</summary>
    public T[][] Y { get; }

    /// <summary>Writes s = x⁺ − x and y = g⁺ − g, rounded to <typeparamref name="T"/>, into the spare pair; returns sᵀy, sᵀs, yᵀy of the values written.</summary>
    public (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext)
    {
        double sy = 0, ss = 0, yy = 0;
        var s = _spareS;
        var y = _spareY;
        for (int j = 0; j < s.Length; j++)
        {
            T sj = T.CreateTruncating(xNext[j] - x[j]);
            T yj = T.CreateTruncating(gNext[j] - g[j]);
            s[j] = sj;
            y[j] = yj;
            double sd = double.CreateTruncating(sj), yd = double.CreateTruncating(yj);
            sy += sd * yd;
            ss += sd * sd;
            yy += yd * yd;
        }
        return (sy, ss, yy);
    }

    /// <summary>Makes the spare pair the one at <paramref name="slot"/> (the slot's old pair becomes the spare).</summary>
    public void KeepSpare(int slot)
    {
        (S[slot], _spareS) = (_spareS, S[slot]);
        (Y[slot], _spareY) = (_spareY, Y[slot]);
    }
}
