using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogReg.Core.Numerics;

namespace LogReg.Core.Optimization;

/// <summary>
/// Newton-CG's inner solver: truncated conjugate gradients on H·p = −g, stopped at relative residual
/// min(<see cref="MaximumForcing"/>, √‖g‖) (the residual in the plain 2-norm, preconditioned or not), with an exit at
/// the first direction of non-positive curvature. Where the curvature gives its diagonal cheaply and the penalty has an
/// L2 part λ, CG is preconditioned by M = (1 − a)·λ·I + a·diag(H) with a = <see cref="DiagonalShare"/> — LIBLINEAR's
/// mixture of the identity and Jacobi (Hsia, Chiang &amp; Lin, ACML 2018): the diagonal alone spreads the few large
/// directions that plain CG resolves at once on normalised text, the identity alone ignores the rare features' small
/// curvature; the mixture keeps the first and helps the second. Holds its work vectors across Newton iterations: on a
/// wide problem (20 classes × 20,000 words) each is 3.2 MB, and fresh ones every iteration were page-faulted in again
/// and swept by the GC.
/// </summary>
internal sealed class TruncatedConjugateGradients(int n)
{
    // The largest relative residual at which CG stops (its forcing term, min(this, √‖g‖)). √‖g‖ is not scale-free: a
    // summed loss's gradient stays above 1 until the last steps, so the cap is the rule for most of a fit. At 0.5 the
    // steps were rough and many (softmax on 20,000 text documents × 20,000 words × 20 classes: 14 iterations, 104
    // passes, 0.93 s); at 0.1, 7 iterations, 86 passes, 0.69 s — every iteration also costs a gradient pass and its
    // probabilities. The Zipf softmax set 484 → 436 passes, the sparse binary set 229 → 223.
    private const double MaximumForcing = 0.1;

    // Hsia, Chiang & Lin's a. Measured on softmax text (README, issue 27's sixth stop): 0.01 cut the products by 25–50 %
    // at L2 = 1 … 0.01 where 0.03 cut fewer and 0.1 … 1 (towards Jacobi) added products on normalised text.
    private const double DiagonalShare = 0.01;

    private readonly double[] _residual = new double[n];
    private readonly double[] _direction = new double[n];
    private readonly double[] _product = new double[n];
    private double[]? _inverse;
    private double[]? _preconditioned;

    /// <summary>Writes the step p for H·p = −g (p = −g if the first direction has non-positive curvature).</summary>
    /// <param name="h">The curvature.</param>
    /// <param name="l2">The penalty's L2 weight (0: no preconditioner).</param>
    /// <param name="g">The gradient.</param>
    /// <param name="p">The step.</param>
    public void Solve(ICurvature h, double l2, double[] g, double[] p)
    {
        var r = _residual;
        var d = _direction;
        var hd = _product;
        var inverse = Preconditioner(h, l2);
        var z = inverse is null ? r : (_preconditioned ??= new double[n]);
        Array.Clear(p);
        double gnorm = VectorKernels.Norm2(g);
        double target = Math.Min(MaximumForcing, Math.Sqrt(gnorm)) * gnorm;
        for (int j = 0; j < n; j++)
        {
            r[j] = -g[j];
        }
        Precondition(inverse, r, z);
        z.AsSpan().CopyTo(d);
        double rz = VectorKernels.Dot(r, z);
        int maxIterations = Math.Min(n, 250);
        for (int k = 0; k < maxIterations; k++)
        {
            h.Multiply(d, hd);
            double dhd = VectorKernels.Dot(d, hd);
            if (dhd <= 0)
            {
                if (k == 0)
                {
                    for (int j = 0; j < n; j++)
                    {
                        p[j] = -g[j];
                    }
                }
                return;
            }
            double a = rz / dhd;
            double rr, rzNew;
            if (inverse is null)
            {
                VectorKernels.AddScaled(d, a, p);
                VectorKernels.AddScaled(hd, -a, r);
                rzNew = rr = VectorKernels.Dot(r, r);
            }
            else
            {
                (rr, rzNew) = PreconditionedUpdate(a, inverse, p);
            }
            if (Math.Sqrt(rr) <= target)
            {
                return;
            }
            double beta = rzNew / rz;
            NextDirection(z, beta, d);
            rz = rzNew;
        }
    }

    // M⁻¹ as a vector, or null (plain CG) without an L2 part or a cheap diagonal.
    private double[]? Preconditioner(ICurvature h, double l2)
    {
        if (!(l2 > 0))
        {
            return null;
        }
        _inverse ??= new double[n];
        if (!h.TryGetDiagonal(_inverse))
        {
            return null;
        }
        for (int j = 0; j < n; j++)
        {
            double m = (1 - DiagonalShare) * l2 + DiagonalShare * _inverse[j];
            _inverse[j] = m > 0 && double.IsFinite(m) ? 1 / m : 1 / l2;
        }
        return _inverse;
    }

    // One sweep for the preconditioned step: p += a·d, r −= a·Hd, z = M⁻¹r, and the sums r·r and r·z (four lanes each,
    // added in a fixed order). Apart, these were five sweeps over vectors of 3.2 MB on wide text.
    private (double ResidualSquared, double ResidualDotPreconditioned) PreconditionedUpdate(double a, double[] inverse, double[] p)
    {
        ref double pr = ref MemoryMarshal.GetArrayDataReference(p);
        ref double dr = ref MemoryMarshal.GetArrayDataReference(_direction);
        ref double rr = ref MemoryMarshal.GetArrayDataReference(_residual);
        ref double hr = ref MemoryMarshal.GetArrayDataReference(_product);
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_preconditioned!);
        ref double mr = ref MemoryMarshal.GetArrayDataReference(inverse);
        var va = Vector256.Create(a);
        var sumRr = Vector256<double>.Zero;
        var sumRz = Vector256<double>.Zero;
        int j = 0;
        for (; j <= n - 4; j += 4)
        {
            var u = (nuint)j;
            (Vector256.LoadUnsafe(ref pr, u) + va * Vector256.LoadUnsafe(ref dr, u)).StoreUnsafe(ref pr, u);
            var residual = Vector256.LoadUnsafe(ref rr, u) - va * Vector256.LoadUnsafe(ref hr, u);
            residual.StoreUnsafe(ref rr, u);
            var preconditioned = residual * Vector256.LoadUnsafe(ref mr, u);
            preconditioned.StoreUnsafe(ref zr, u);
            sumRr += residual * residual;
            sumRz += residual * preconditioned;
        }
        double total = Vector256.Sum(sumRr), totalZ = Vector256.Sum(sumRz);
        for (; j < n; j++)
        {
            Unsafe.Add(ref pr, j) += a * Unsafe.Add(ref dr, j);
            double residual = Unsafe.Add(ref rr, j) -= a * Unsafe.Add(ref hr, j);
            double preconditioned = Unsafe.Add(ref zr, j) = residual * Unsafe.Add(ref mr, j);
            total += residual * residual;
            totalZ += residual * preconditioned;
        }
        return (total, totalZ);
    }

    // d = z + β·d.
    private void NextDirection(double[] z, double beta, double[] d)
    {
        ref double zr = ref MemoryMarshal.GetArrayDataReference(z);
        ref double dr = ref MemoryMarshal.GetArrayDataReference(d);
        var vb = Vector256.Create(beta);
        int j = 0;
        for (; j <= n - 4; j += 4)
        {
            (Vector256.LoadUnsafe(ref zr, (nuint)j) + vb * Vector256.LoadUnsafe(ref dr, (nuint)j)).StoreUnsafe(ref dr, (nuint)j);
        }
        for (; j < n; j++)
        {
            Unsafe.Add(ref dr, j) = Unsafe.Add(ref zr, j) + beta * Unsafe.Add(ref dr, j);
        }
    }

    private static void Precondition(double[]? inverse, double[] r, double[] z)
    {
        if (inverse is null)
        {
            return;
        }
        for (int j = 0; j < r.Length; j++)
        {
            z[j] = r[j] * inverse[j];
        }
    }
}
