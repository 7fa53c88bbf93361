using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// L-BFGS's memory: the last m pairs sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ with ρₖ = 1/sₖᵀyₖ, and the two loops of the
/// recursion over them. On large problems the recursion reads 2m vectors twice per iteration and is bound by memory
/// (a 20-class model of 20,000 words: 20 pairs of 3.2 MB, 128 MB read per iteration, more time than the gradient
/// pass), so past <see cref="SinglePrecisionFrom"/> coordinates the pairs are kept in single precision and each
/// loop's update is fused with the next pair's product (one sweep of d per pair instead of two). ρ is then computed
/// from the rounded pair, so the recursion is an exact BFGS update for the pairs it holds and stays positive definite;
/// the rounding (6e-8 of each coordinate) perturbs the curvature model far less than its being limited-memory does.
/// Smaller problems keep double pairs and the plain loops.
/// </summary>
internal abstract class LbfgsMemory
{
    /// <summary>Coordinates from which pairs are held in single precision (there the 20 vectors of m = 10 double pairs pass 20 MB,
    /// beyond what a core's caches hold).</summary>
    public const int SinglePrecisionFrom = 1 << 17;

    protected readonly double[] Rho;
    private readonly double[] _alpha;
    private int _newest = -1;

    protected LbfgsMemory(int capacity)
    {
        Rho = new double[capacity];
        _alpha = new double[capacity];
    }

    /// <summary>Memory for <paramref name="dimension"/> coordinates and <paramref name="capacity"/> pairs.</summary>
    public static LbfgsMemory For(int dimension, int capacity) => dimension >= SinglePrecisionFrom
        ? new SingleLbfgsMemory(dimension, capacity)
        : new DoubleLbfgsMemory(dimension, capacity);

    /// <summary>Pairs held.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets every pair (a restart from steepest descent).</summary>
    public void Clear() => Count = 0;

    /// <summary>
    /// Keeps the pair (x⁺ − x, g⁺ − g) when sᵀy &gt; 1e-10·‖s‖·‖y‖ (else the implicit inverse Hessian could lose
    /// definiteness), overwriting the oldest once full; false when the pair was not kept.
    /// </summary>
    public bool TryStore(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext)
    {
        int slot = (_newest + 1) % Rho.Length;
        var (sy, ss, yy) = WriteSpare(x, xNext, g, gNext);
        if (!(sy > 1e-10 * Math.Sqrt(ss * yy)))
        {
            return false;
        }
        KeepSpare(slot);
        _newest = slot;
        Rho[slot] = 1.0 / sy;
        Count = Math.Min(Count + 1, Rho.Length);
        return true;
    }

    /// <summary>
    /// d ← H·d with H the inverse-Hessian approximation of the held pairs and H₀ = γ·P (P = I when
    /// <paramref name="preconditioner"/> is null), γ = sᵀy / yᵀPy of the newest pair; <paramref name="scratch"/> is
    /// one vector of workspace.
    /// </summary>
    public void Apply(double[] d, IPreconditioner? preconditioner, double[] scratch)
    {
        int m = Rho.Length;
        int count = Count;
        // First loop, newest to oldest: αᵢ = ρᵢ·sᵢᵀd, then d −= αᵢ·yᵢ.
        if (count > 0)
        {
            int idx = _newest;
            double product = DotS(idx, d);
            for (int k = 0; k < count; k++)
            {
                _alpha[idx] = Rho[idx] * product;
                int next = k + 1 < count ? (idx - 1 + m) % m : -1;
                product = SubtractYThenDotS(idx, _alpha[idx], d, next);
                idx = next;
            }
        }
        if (preconditioner is not null)
        {
            d.CopyTo(scratch, 0);
            preconditioner.Apply(scratch, d);
        }
        if (count == 0)
        {
            return;
        }
        double gamma = Gamma(_newest, preconditioner, scratch);
        for (int j = 0; j < d.Length; j++)
        {
            d[j] *= gamma;
        }
        // Second loop, oldest to newest: βᵢ = ρᵢ·yᵢᵀd, then d += (αᵢ − βᵢ)·sᵢ.
        {
            int idx = (_newest - count + 1 + m) % m;
            double product = DotY(idx, d);
            for (int k = 0; k < count; k++)
            {
                double beta = Rho[idx] * product;
                int next = k + 1 < count ? (idx + 1) % m : -1;
                product = AddSThenDotY(idx, _alpha[idx] - beta, d, next);
                idx = next;
            }
        }
    }

    /// <summary>Writes s = x⁺ − x and y = g⁺ − g into the spare slot; returns sᵀy, sᵀs, yᵀy of the values written.</summary>
    protected abstract (double Sy, double Ss, double Yy) WriteSpare(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext);

    /// <summary>Makes the spare pair the one at <paramref name="slot"/> (the slot's old pair becomes the spare).</summary>
    protected abstract void KeepSpare(int slot);

    protected abstract double DotS(int k, ReadOnlySpan<double> d);

    protected abstract double DotY(int k, ReadOnlySpan<double> d);

    /// <summary>d −= a·yₖ; then sₙₑₓₜᵀd (0 when <paramref name="next"/> is −1).</summary>
    protected abstract double SubtractYThenDotS(int k, double a, Span<double> d, int next);

    /// <summary>d += a·sₖ; then yₙₑₓₜᵀd (0 when <paramref name="next"/> is −1).</summary>
    protected abstract double AddSThenDotY(int k, double a, Span<double> d, int next);

    /// <summary>γ = sₖᵀyₖ / yₖᵀPyₖ (P = I without a preconditioner); may overwrite <paramref name="scratch"/>.</summary>
    protected abstract double Gamma(int k, IPreconditioner? preconditioner, double[] scratch);
}
