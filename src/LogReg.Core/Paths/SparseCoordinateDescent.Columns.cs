using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>The sparse sweeps' two passes over a column's stored values: the fused curvature-and-dot pass and the residual move.</summary>
internal static partial class SparseCoordinateDescent
{
    // Writes vᵢ·xᵢⱼ over column j's stored values into their places in `weighted`; returns Σ vᵢxᵢⱼ, Σ vᵢxᵢⱼ² and Σ xᵢⱼρᵢ
    // (the last in RawDot's lanes and order, so the same sum).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Xv, double Xxv, double Dot) WeightedColumn(SparseStandardizedProblem problem, int j, double[] v, double[] weighted,
        double[] rho)
    {
        int from = problem.ColumnStart[j], count = problem.ColumnStart[j + 1] - from;
        ref int row0 = ref RowsOf(problem, from, count, v, rho);
        ref float x0 = ref MemoryMarshal.GetReference(problem.ColumnValues.AsSpan(from, count));
        ref double w0 = ref MemoryMarshal.GetReference(weighted.AsSpan(from, count));
        ref double v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref double rho0 = ref MemoryMarshal.GetArrayDataReference(rho);
        int k = 0;
        double xv = 0, xxv = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vxs = Vector256<double>.Zero, vxxs = Vector256<double>.Zero, dots = Vector256<double>.Zero;
            if (Vector512.IsHardwareAccelerated)
            {
                Vector512<double> vxsWide = Vector512<double>.Zero, vxxsWide = Vector512<double>.Zero, dotsWide = Vector512<double>.Zero;
                for (; k + 8 <= count; k += 8)
                {
                    ref int rows = ref Unsafe.Add(ref row0, k);
                    var x = VectorKernels.WidenEight(ref x0, k);
                    var vx = x * VectorKernels.GatherEight(ref v0, ref rows);
                    vx.StoreUnsafe(ref w0, (nuint)k);
                    vxsWide += vx;
                    vxxsWide += vx * x;
                    dotsWide += x * VectorKernels.GatherEight(ref rho0, ref rows);
                }
                (vxs, vxxs, dots) = (vxsWide.GetLower() + vxsWide.GetUpper(), vxxsWide.GetLower() + vxxsWide.GetUpper(),
                    dotsWide.GetLower() + dotsWide.GetUpper());
            }
            for (; k + 4 <= count; k += 4)
            {
                ref int rows = ref Unsafe.Add(ref row0, k);
                var x = VectorKernels.WidenFour(ref x0, k);
                var vx = x * VectorKernels.GatherFour(ref v0, ref rows);
                vx.StoreUnsafe(ref w0, (nuint)k);
                vxs += vx;
                vxxs += vx * x;
                dots += x * VectorKernels.GatherFour(ref rho0, ref rows);
            }
            (xv, xxv) = (Vector256.Sum(vxs), Vector256.Sum(vxxs));
            (s0, s1, s2, s3) = (dots[0], dots[1], dots[2], dots[3]);
        }
        for (; k < count; k++)
        {
            int i = Unsafe.Add(ref row0, k);
            double x = SingleWidening.Widen(Unsafe.Add(ref x0, k)), vx = Unsafe.Add(ref v0, i) * x;
            Unsafe.Add(ref w0, k) = vx;
            xv += vx;
            xxv += vx * x;
            s0 += x * Unsafe.Add(ref rho0, i);
        }
        return (xv, xxv, (s0 + s1) + (s2 + s3));
    }

    // ρ′ −= vᵢ·xᵢⱼ·step over column j's stored values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MoveResiduals(SparseStandardizedProblem problem, int j, double[] weighted, double step, double[] rho)
    {
        int from = problem.ColumnStart[j], count = problem.ColumnStart[j + 1] - from;
        ref int row0 = ref RowsOf(problem, from, count, rho, rho);
        ref double w0 = ref MemoryMarshal.GetReference(weighted.AsSpan(from, count));
        ref double rho0 = ref MemoryMarshal.GetArrayDataReference(rho);
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // The products eight at a time, the scattered subtractions one by one (the same arithmetic as the loop below):
            // fewer instructions between the stores let more of them be in flight.
            var factor = Vector512.Create(step);
            for (; k + 8 <= count; k += 8)
            {
                var moves = Vector512.LoadUnsafe(ref w0, (nuint)k) * factor;
                ref int rows = ref Unsafe.Add(ref row0, k);
                Unsafe.Add(ref rho0, rows) -= moves[0];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 1)) -= moves[1];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 2)) -= moves[2];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 3)) -= moves[3];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 4)) -= moves[4];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 5)) -= moves[5];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 6)) -= moves[6];
                Unsafe.Add(ref rho0, Unsafe.Add(ref rows, 7)) -= moves[7];
            }
        }
        for (; k < count; k++)
        {
            Unsafe.Add(ref rho0, Unsafe.Add(ref row0, k)) -= Unsafe.Add(ref w0, k) * step;
        }
    }

    // The column's row indices, after checking that the row-length arrays they index are long enough: the
    // problem made every index below its row count, so the moves' reads and writes need no bounds check each.
    private static ref int RowsOf(SparseStandardizedProblem problem, int from, int count, double[] a, double[] b)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(a.Length, b.Length), problem.RowCount);
        return ref MemoryMarshal.GetReference(problem.ColumnRows.AsSpan(from, count));
    }
}
