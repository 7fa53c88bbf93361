using System.Runtime.CompilerServices;

namespace LogReg.MLNet;

/// <summary>
/// The array of <typeparamref name="T"/> of the last large copy of the training data (the dense values, or
/// the sparse column indices and values), held through a weak reference
/// once its fit has finished, so that the next fit in the process can fill it again instead of
/// allocating a new one. A fresh array of tens of megabytes costs more than the whole fit's arithmetic
/// on this kind of machine: the OS maps its pages on first touch (measured: 40–130 ms for 64 MB on a
/// 2-core VM, against ~15 ms to copy the rows into memory already mapped). Held weakly, the array is
/// collected at the next full GC exactly as garbage would be, so no more memory stays in use than
/// without the cache. Only arrays that nothing can read any more are returned (see
/// <see cref="LogRegTrainer"/> and <see cref="LogRegMulticlassTrainer"/>); a rented array's old contents are overwritten row by row.
/// </summary>
/// <typeparam name="T">float (values) or int (sparse column indices).</typeparam>
internal static class FeatureBufferCache<T>
    where T : unmanaged
{
    /// <summary>Smaller arrays (under 4 MB) are cheap to allocate and are never cached.</summary>
    public static readonly long MinimumLength = (4L << 20) / Unsafe.SizeOf<T>();

    private static WeakReference<T[]>? s_last;

    /// <summary>An array of at least <paramref name="length"/> elements (at most twice that when reused); contents undefined.</summary>
    public static T[] Rent(long length)
    {
        if (length >= MinimumLength
            && Interlocked.Exchange(ref s_last, null) is { } last
            && last.TryGetTarget(out var array)
            && array.Length >= length && array.Length <= 2 * length)
        {
            return array;
        }
        // Uninitialised: the reader writes every element the matrix reads, and zeroing would map every page up front.
        return length >= MinimumLength ? GC.AllocateUninitializedArray<T>(checked((int)length)) : new T[length];
    }

    /// <summary>Offers an array that no live object reads any more to the next <see cref="Rent"/>.</summary>
    public static void Return(T[]? array)
    {
        if (array is not null && array.LongLength >= MinimumLength)
        {
            Volatile.Write(ref s_last, new WeakReference<T[]>(array));
        }
    }
}
