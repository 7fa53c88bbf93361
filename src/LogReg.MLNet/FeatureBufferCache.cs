using System.Runtime.CompilerServices;

namespace LogReg.MLNet;

/// <summary>
/// The array of <typeparamref name="T"/> of the last large copy of the training data (the dense values, or
/// the sparse column indices and values), kept once its fit has finished so that the next fit in the
/// process can fill it again instead of allocating a new one. A fresh array of tens of megabytes costs
/// more than the whole fit's arithmetic on this kind of machine: the OS maps its pages on first touch
/// (measured: 40–130 ms for 64 MB on a 2-core VM, against ~15 ms to copy the rows into memory already
/// mapped). Like <c>ArrayPool&lt;T&gt;.Shared</c>, the cache holds the array strongly for a short time
/// (<see cref="HoldTime"/>, 10 s after its return, and only while it is at most an eighth of the memory
/// the GC reports as available), so repeated fits — cross-validation, a parameter search — reuse it even
/// across full garbage collections; after that it is held weakly and goes at the next full GC like
/// garbage. Only arrays that nothing can read any more are returned (see <see cref="LogRegTrainer"/> and
/// <see cref="LogRegMulticlassTrainer"/>); a rented array's old contents are overwritten row by row.
/// </summary>
/// <typeparam name="T">float (values) or int (sparse column indices).</typeparam>
internal static class FeatureBufferCache<T>
    where T : unmanaged
{
    /// <summary>Smaller arrays (under 4 MB) are cheap to allocate and are never cached.</summary>
    public static readonly long MinimumLength = (4L << 20) / Unsafe.SizeOf<T>();

    private static readonly object s_gate = new();
    private static T[]? s_held;
    private static WeakReference<T[]>? s_last;
    private static Timer? s_release;

    /// <summary>How long a returned array is held strongly before only weakly (10 s; tests shorten it).</summary>
    internal static TimeSpan HoldTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An array of at least <paramref name="length"/> elements (at most twice that when reused); contents undefined.</summary>
    public static T[] Rent(long length) => Rent(length, out _);

    /// <summary>The same, saying whether the array is a returned one (its memory already mapped) rather than a new one.</summary>
    public static T[] Rent(long length, out bool reused)
    {
        reused = false;
        if (length >= MinimumLength)
        {
            T[]? array;
            lock (s_gate)
            {
                array = s_held;
                if (array is null)
                {
                    s_last?.TryGetTarget(out array);
                }
                s_held = null;
                s_last = null;
            }
            if (array is not null && array.Length >= length && array.Length <= 2 * length)
            {
                reused = true;
                return array;
            }
            // Uninitialised: the reader writes every element the matrix reads, and zeroing would map every page up front.
            return GC.AllocateUninitializedArray<T>(checked((int)length));
        }
        return new T[length];
    }

    /// <summary>Offers an array that no live object reads any more to the next <see cref="Rent(long)"/>.</summary>
    public static void Return(T[]? array)
    {
        if (array is null || array.LongLength < MinimumLength)
        {
            return;
        }
        long bytes = array.LongLength * Unsafe.SizeOf<T>();
        bool hold = bytes <= GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8;
        lock (s_gate)
        {
            s_last = new WeakReference<T[]>(array);
            s_held = hold ? array : null;
            if (hold)
            {
                s_release ??= new Timer(_ => Release());
                s_release.Change(HoldTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // The hold time is over: the array stays reachable only through the weak reference.
    private static void Release()
    {
        lock (s_gate)
        {
            s_held = null;
        }
    }
}
