using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace LogReg.Core.Numerics;

/// <summary>
/// The weighted Gram matrix of dense float rows, X̃ᵀ·diag(c)·X̃ with X̃ = [X, 1] (the dense Hessian's
/// data term). Rows go through in panels of <see cref="PanelRows"/>, widened once into two row-major
/// double panels (x̃ₖ and cₖ·x̃ₖ, padded to a multiple of 8 columns); the upper triangle is then
/// built in register tiles of 4 × 8 entries, each tile accumulating over the panel's rows with fused
/// multiply-adds and touching the result once per panel. Per-row, per-Hessian-row calls (what made a
/// small Newton step cost more than its arithmetic) are gone. Order of operations: fixed by the shape.
/// </summary>
internal static partial class DenseGramKernel
{
    /// <summary>Rows per panel.</summary>
    public const int PanelRows = 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddWeightedGram(float[] values, int d, int start, int count, ReadOnlySpan<double> weights, Span<double> upper) =>
        AddWeightedGram(values, d, start, count, weights, upper, SoftmaxKernels.WideTilesAvailable);

    /// <summary>The weighted Gram with 512-bit tiles (<paramref name="wide"/>, where available) or 256-bit ones only: the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddWeightedGram(float[] values, int d, int start, int count, ReadOnlySpan<double> weights, Span<double> upper, bool wide)
    {
        if ((long)(start + count) * d > values.Length || weights.Length < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Rows beyond the matrix or the weights.");
        }
        AddPanels(new ContiguousRows(values, d, start), d, count, weights, upper, wide);
    }

    /// <summary>
    /// The weighted Gram of <paramref name="columns"/> of the first <paramref name="count"/> rows of a row-major matrix of
    /// <paramref name="d"/> columns, gathered as each panel is widened: for a column set used once (the multinomial path's
    /// classes each screen their own), a copy of the selected columns first was a tenth of a 26-class path's time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWeightedGram(float[] values, int d, int[] columns, int count, ReadOnlySpan<double> weights, Span<double> upper,
        double[]? shifts = null)
    {
        if ((long)count * d > values.Length || weights.Length < count || columns.Any(j => j < 0 || j >= d) || shifts?.Length < columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Rows or columns beyond the matrix, or rows beyond the weights.");
        }
        AddPanels(new GatheredRows(values, d, columns, shifts), columns.Length, count, weights, upper, SoftmaxKernels.WideTilesAvailable);
    }

    /// <summary>
    /// As the gathered overload over the listed <paramref name="rows"/> only, row k weighted by <paramref name="weights"/>[k]
    /// (the held curvature's refresh of the rows whose weight moved, <see cref="Paths.StaleCurvature"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWeightedGram(float[] values, int d, int[] columns, int[] rows, ReadOnlySpan<double> weights, Span<double> upper,
        double[]? shifts = null)
    {
        if (rows.Any(i => i < 0 || (long)(i + 1) * d > values.Length) || weights.Length < rows.Length || columns.Any(j => j < 0 || j >= d)
            || shifts?.Length < columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), "Rows or columns beyond the matrix, or rows beyond the weights.");
        }
        AddPanels(new ListedRows(new GatheredRows(values, d, columns, shifts), rows), columns.Length, rows.Length, weights, upper,
            SoftmaxKernels.WideTilesAvailable);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPanels<TRows>(TRows source, int d, int count, ReadOnlySpan<double> weights, Span<double> upper, bool wide)
        where TRows : struct, IPanelRows
    {
        int m = d + 1;
        int mp = (m + 7) & ~7;
        // Pooled: fresh panels (three large arrays a Gram, most of them on the large-object heap) cost their page faults and
        // zeroing at every Newton step of a dense path. The padding columns m..mp are read by the tiles, so they start at 0.
        double[] v = PooledArray.Rent<double>(PanelRows * mp), u = PooledArray.Rent<double>(PanelRows * mp), h = PooledArray.Rent<double>((long)mp * mp);
        try
        {
            Array.Clear(v, 0, PanelRows * mp);
            Array.Clear(u, 0, PanelRows * mp);
            Array.Clear(h, 0, mp * mp);
            for (int panelStart = 0; panelStart < count; panelStart += PanelRows)
            {
                int rows = Math.Min(PanelRows, count - panelStart);
                for (int k = 0; k < rows; k++)
                {
                    source.Widen(panelStart + k, weights[panelStart + k], v, u, k * mp);
                }
                AddPanel(v, u, rows, mp, h, wide);
            }
            for (int j = 0; j < m; j++)
            {
                for (int l = j; l < m; l++)
                {
                    upper[j * m + l] += h[j * mp + l];
                }
            }
        }
        finally
        {
            PooledArray.Return(v);
            PooledArray.Return(u);
            PooledArray.Return(h);
        }
    }

    // Writes row r's (x, 1) and c·(x, 1) into the panels at `at`.
    private interface IPanelRows
    {
        void Widen(int row, double c, double[] v, double[] u, int at);
    }

    private readonly struct ContiguousRows(float[] values, int d, int start) : IPanelRows
    {
        public void Widen(int row, double c, double[] v, double[] u, int at) => DenseGramKernel.Widen(values, (nint)(start + row) * d, d, c, v, u, at);
    }

    // Each column's value less its shift, when given (a column whose mean is many times its spread: its raw products' sums
    // would cancel to nothing when centred).
    private readonly struct GatheredRows(float[] values, int d, int[] columns, double[]? shifts) : IPanelRows
    {
        // Through references: the bounds checks of a gather were most of its cost (the columns were checked once).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Widen(int row, double c, double[] v, double[] u, int at)
        {
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), (nint)row * d);
            ref int column = ref MemoryMarshal.GetArrayDataReference(columns);
            ref double vr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(v), at);
            ref double ur = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(u), at);
            int m = columns.Length;
            for (int a = 0; a < m; a++)
            {
                double xa = Unsafe.Add(ref x, Unsafe.Add(ref column, a));
                Unsafe.Add(ref vr, a) = xa;
                Unsafe.Add(ref ur, a) = c * xa;
            }
            if (shifts is not null)
            {
                for (int a = 0; a < m; a++)
                {
                    double xa = Unsafe.Add(ref vr, a) - shifts[a];
                    Unsafe.Add(ref vr, a) = xa;
                    Unsafe.Add(ref ur, a) = c * xa;
                }
            }
            Unsafe.Add(ref vr, m) = 1.0;
            Unsafe.Add(ref ur, m) = c;
        }
    }

    private readonly struct ListedRows(GatheredRows gathered, int[] rows) : IPanelRows
    {
        public void Widen(int row, double c, double[] v, double[] u, int at) => gathered.Widen(rows[row], c, v, u, at);
    }

    // v[at..] = (x, 1) and u[at..] = c·(x, 1) for the row at values[offset..offset + d), eight floats at a
    // time (the scalar form was half the cost of a small Hessian).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen(float[] values, nint offset, int d, double c, double[] v, double[] u, int at)
    {
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), offset);
        ref double vr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(v), at);
        ref double ur = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(u), at);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var cv = Vector256.Create(c);
            for (; j + 8 <= d; j += 8)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)j));
                low.StoreUnsafe(ref vr, (nuint)j);
                high.StoreUnsafe(ref vr, (nuint)(j + 4));
                (cv * low).StoreUnsafe(ref ur, (nuint)j);
                (cv * high).StoreUnsafe(ref ur, (nuint)(j + 4));
            }
        }
        for (; j < d; j++)
        {
            double xj = Unsafe.Add(ref x, j);
            Unsafe.Add(ref vr, j) = xj;
            Unsafe.Add(ref ur, j) = c * xj;
        }
        Unsafe.Add(ref vr, d) = 1.0;
        Unsafe.Add(ref ur, d) = c;
    }

    // h[j, l] += Σₖ v[k, j]·u[k, l] for the tiles on or above the diagonal: 4 rows j × 8 columns l, eight vector
    // accumulators over the panel's rows (8 × 16 and 8 × 8 in 512-bit vectors where the machine has them: the same fused
    // multiply-adds in the same order, so the same bits).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPanel(double[] v, double[] u, int rows, int mp, double[] h, bool wide)
    {
        if (wide && SoftmaxKernels.WideTilesAvailable)
        {
            AddPanelWide(v, u, rows, mp, h);
            return;
        }
        ref double v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref double u0 = ref MemoryMarshal.GetArrayDataReference(u);
        ref double h0 = ref MemoryMarshal.GetArrayDataReference(h);
        for (int j = 0; j < mp; j += 4)
        {
            for (int l = j & ~7; l < mp; l += 8)
            {
                var a00 = Vector256<double>.Zero; var a01 = Vector256<double>.Zero;
                var a10 = Vector256<double>.Zero; var a11 = Vector256<double>.Zero;
                var a20 = Vector256<double>.Zero; var a21 = Vector256<double>.Zero;
                var a30 = Vector256<double>.Zero; var a31 = Vector256<double>.Zero;
                for (int k = 0; k < rows; k++)
                {
                    ref double vk = ref Unsafe.Add(ref v0, k * mp + j);
                    var ul = Vector256.LoadUnsafe(ref u0, (nuint)(k * mp + l));
                    var uh = Vector256.LoadUnsafe(ref u0, (nuint)(k * mp + l + 4));
                    var b0 = Vector256.Create(vk);
                    var b1 = Vector256.Create(Unsafe.Add(ref vk, 1));
                    var b2 = Vector256.Create(Unsafe.Add(ref vk, 2));
                    var b3 = Vector256.Create(Unsafe.Add(ref vk, 3));
                    a00 = Fma(b0, ul, a00); a01 = Fma(b0, uh, a01);
                    a10 = Fma(b1, ul, a10); a11 = Fma(b1, uh, a11);
                    a20 = Fma(b2, ul, a20); a21 = Fma(b2, uh, a21);
                    a30 = Fma(b3, ul, a30); a31 = Fma(b3, uh, a31);
                }
                Add(ref h0, j * mp + l, a00, a01);
                Add(ref h0, (j + 1) * mp + l, a10, a11);
                Add(ref h0, (j + 2) * mp + l, a20, a21);
                Add(ref h0, (j + 3) * mp + l, a30, a31);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double h0, int offset, Vector256<double> low, Vector256<double> high)
    {
        (Vector256.LoadUnsafe(ref h0, (nuint)offset) + low).StoreUnsafe(ref h0, (nuint)offset);
        (Vector256.LoadUnsafe(ref h0, (nuint)(offset + 4)) + high).StoreUnsafe(ref h0, (nuint)(offset + 4));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        X86Fma.IsSupported ? X86Fma.MultiplyAdd(a, b, c) : a * b + c;
}
