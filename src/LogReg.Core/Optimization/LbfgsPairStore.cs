using System.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// The ring of m pairs (s, y) that <see cref="LbfgsMemory"/> keeps, in <typeparamref name="T"/> (double, or float on large
/// problems), with one spare pair: a new pair is written into the spare and swapped in only when it is kept, so a refused
/// pair never overwrites the oldest. In float each vector is stored divided by a power of two near its largest entry
/// (<see cref="ScaleS"/>, <see cref="ScaleY"/>): exact, so a pair in float's range rounds as it would unscaled, and gradients
/// beyond 3e38 or steps below 1e-38 (example weights far from 1) neither overflow nor vanish. In double the scales are 1.
/// </summary>
internal sealed class LbfgsPairStore<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private T[] _spareS;
    private T[] _spareY;
    private double _spareScaleS = 1;
    private double _spareScaleY = 1;

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
        ScaleS = Enumerable.Repeat(1.0, capacity).ToArray();
        ScaleY = Enumerable.Repeat(1.0, capacity).ToArray();
    }

    /// <summary>sₖ = ScaleS[k]·S[k], a power of two (1 in double).</summary>
    public double[] ScaleS { get; }

    /// <summary>yₖ = ScaleY[k]·Y[k], a power of two (1 in double).</summary>
    public double[] ScaleY { get; }

    /// <summary>sₖ by slot.</summary>
    public T[][] S { get; }

    /// <summary>yₖ by slot.</summary>
    public T[][] Y { get; }

    /// <summary>Writes s = x⁺ − x and y = g⁺ − g, rounded to <typeparamref name="T"/>, into the spare pair; returns sᵀy, sᵀs, yᵀy of the values written.</summary>
    public (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext)
    {
        var s = _spareS;
        var y = _spareY;
        double scaleS = 1, scaleY = 1;
        if (typeof(T) != typeof(double))
        {
            double largestS = 0, largestY = 0;
            for (int j = 0; j < s.Length; j++)
            {
                largestS = Math.Max(largestS, Math.Abs(xNext[j] - x[j]));
                largestY = Math.Max(largestY, Math.Abs(gNext[j] - g[j]));
            }
            scaleS = PowerOfTwoNear(largestS);
            scaleY = PowerOfTwoNear(largestY);
        }
        _spareScaleS = scaleS;
        _spareScaleY = scaleY;
        double sy = 0, ss = 0, yy = 0;
        for (int j = 0; j < s.Length; j++)
        {
            T sj = T.CreateTruncating((xNext[j] - x[j]) / scaleS);
            T yj = T.CreateTruncating((gNext[j] - g[j]) / scaleY);
            s[j] = sj;
            y[j] = yj;
            double sd = double.CreateTruncating(sj) * scaleS, yd = double.CreateTruncating(yj) * scaleY;
            sy += sd * yd;
            ss += sd * sd;
            yy += yd * yd;
        }
        return (sy, ss, yy);
    }

    // 2^⌊log₂ v⌋ for a finite v > 0, else 1 (a zero or non-finite vector is refused by the pair test anyway).
    private static double PowerOfTwoNear(double v) => v > 0 && double.IsFinite(v) ? Math.ScaleB(1.0, Math.ILogB(v)) : 1;

    /// <summary>Makes the spare pair the one at <paramref name="slot"/> (the slot's old pair becomes the spare).</summary>
    public void KeepSpare(int slot)
    {
        (S[slot], _spareS) = (_spareS, S[slot]);
        (Y[slot], _spareY) = (_spareY, Y[slot]);
        (ScaleS[slot], _spareScaleS) = (_spareScaleS, ScaleS[slot]);
        (ScaleY[slot], _spareScaleY) = (_spareScaleY, ScaleY[slot]);
    }
}
