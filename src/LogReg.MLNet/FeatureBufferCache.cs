namespace LogReg.MLNet;

/// <summary>
/// The float array of the last large dense copy of the training data, held through a weak reference
/// once its fit has finished, so that the next fit in the process can fill it again instead of
/// allocating a new one. A fresh array of tens of megabytes costs more than the whole fit's arithmetic
/// on this kind of machine: the OS maps its pages on first touch (measured: 40–130 ms for 64 MB on a
/// 2-core VM, against ~15 ms to copy the rows into memory already mapped). Held weakly, the array is
/// collected at the next full GC exactly as garbage would be, so no more memory stays in use than
/// without the cache. Only arrays that nothing can read any more are returned (see
/// <see cref="LogRegTrainer"/>); a rented array's old contents are overwritten row by row.
/// </summary>
internal static class FeatureBufferCache
{
    /// <summary>Smaller arrays (under 4 MB) are cheap to allocate and are never cached.</summary>
    public const long MinimumLength = 1 << 20;

    private static WeakReference<float[]>? s_last;

    /// <summary>An array of at least <paramref name="length"/> floats (at most twice that when reused); contents undefined.</summary>
    public static float[] Rent(long length)
    {
        if (length >= MinimumLength
            && Interlocked.Exchange(ref s_last, null) is { } last
            && last.TryGetTarget(out var array)
            && array.Length >= length && array.Length <= 2 * length)
        {
            return array;
        }
        return new float[length];
    }

    /// <summary>Offers an array that no live object reads any more to the next <see cref="Rent"/>.</summary>
    public static void Return(float[]? array)
    {
        if (array is not null && array.LongLength >= MinimumLength)
        {
            Volatile.Write(ref s_last, new WeakReference<float[]>(array));
        }
    }
}
