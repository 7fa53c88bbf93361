using System.Runtime.CompilerServices;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial path's rounds over the classes converge linearly, and on many features with small λ slowly (each
/// round removing a few per cent of the distance left, hundreds of rounds per λ). When two successive rounds moved the
/// coefficients in nearly the same direction with shrinking length ρ, the rest of the geometric series is about
/// ρ/(1 − ρ) more of the last move (Aitken's extrapolation): this proposes that jump, kept in the current orthant (a
/// coefficient that would cross zero stops at zero, so the lasso's zeros are not disturbed), and the caller keeps it only
/// if it lowers the objective — the rounds that follow do the exact work, and convergence is judged on them.
/// </summary>
internal sealed class RoundExtrapolation
{
    private const double MinimumAlignment = 0.95;
    private const double MinimumRatio = 0.3;
    private const double MaximumRatio = 0.999;
    private const double MaximumJump = 100;

    private readonly double[][] _beta;
    private readonly double[] _intercepts;
    private readonly bool[] _present;
    private readonly double[] _start;
    private readonly double[] _step;
    private readonly double[] _lastStep;
    private readonly double[] _saved;
    private readonly double[] _candidate;
    private readonly int[] _columns;
    // The arrays' first _size values are this λ's (they may be longer: kept from a λ with more columns in play).
    private readonly int _size;
    private bool _haveLast;

    /// <summary>For one λ's rounds over <paramref name="columns"/>, in <paramref name="work"/>'s arrays.</summary>
    public RoundExtrapolation(double[][] beta, double[] intercepts, bool[] present, int[] columns, SoftmaxWork work)
    {
        (_beta, _intercepts, _present, _columns) = (beta, intercepts, present, columns);
        _size = beta.Length * (columns.Length + 1);
        var arrays = work.ExtrapolationArrays(_size);
        (_start, _step, _lastStep, _saved, _candidate) = (arrays[0], arrays[1], arrays[2], arrays[3], arrays[4]);
    }

    /// <summary>Records where a round starts.</summary>
    public void BeginRound() => Gather(_start);

    /// <summary>
    /// After a round: the jump factor ρ/(1 − ρ) when this round's move is aligned with the last one and shorter by a
    /// steady ratio ρ, else 0 (and this move becomes the one the next round is compared with).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double JumpAfterRound()
    {
        Gather(_step);
        double dot = 0, now = 0, before = 0;
        for (int i = 0; i < _size; i++)
        {
            _step[i] -= _start[i];
            dot += _step[i] * _lastStep[i];
            now += _step[i] * _step[i];
            before += _lastStep[i] * _lastStep[i];
        }
        bool comparable = _haveLast && now > 0 && before > 0;
        Array.Copy(_step, _lastStep, _size);
        _haveLast = true;
        if (!comparable || dot / Math.Sqrt(now * before) < MinimumAlignment)
        {
            return 0;
        }
        double ratio = Math.Sqrt(now / before);
        return ratio is < MinimumRatio or > MaximumRatio ? 0 : Math.Min(ratio / (1 - ratio), MaximumJump);
    }

    /// <summary>Moves the coefficients by <paramref name="jump"/> times the last round's move, within the orthant; <see cref="Undo"/> reverts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(double jump)
    {
        Gather(_saved);
        int stride = _columns.Length + 1;
        for (int i = 0; i < _size; i++)
        {
            double value = _saved[i], moved = value + jump * _step[i];
            bool intercept = i % stride == stride - 1;
            _candidate[i] = intercept || (value != 0 && Math.Sign(moved) == Math.Sign(value)) ? moved : 0;
        }
        Scatter(_candidate);
        _haveLast = false;
    }

    /// <summary>Restores the coefficients from before <see cref="Apply"/>.</summary>
    public void Undo() => Scatter(_saved);

    // The coefficients of the columns in play and the intercept, class after class, in one vector (absent classes as zeros).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gather(double[] into)
    {
        int at = 0;
        for (int k = 0; k < _beta.Length; k++)
        {
            bool present = _present[k];
            foreach (int j in _columns)
            {
                into[at++] = present ? _beta[k][j] : 0;
            }
            into[at++] = present ? _intercepts[k] : 0;
        }
    }

    // The inverse of Gather for the present classes (an absent class keeps its −∞ intercept and zero coefficients).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scatter(double[] from)
    {
        int at = 0;
        for (int k = 0; k < _beta.Length; k++)
        {
            if (!_present[k])
            {
                at += _columns.Length + 1;
                continue;
            }
            foreach (int j in _columns)
            {
                _beta[k][j] = from[at++];
            }
            _intercepts[k] = from[at++];
        }
    }
}
