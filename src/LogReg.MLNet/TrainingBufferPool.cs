using System.Runtime.CompilerServices;

namespace LogReg.MLNet;

/// <summary>
/// The large arrays of a training copy (the dense values, or the sparse column indices and values), kept by the caller
/// for the next fit: repeated fits — cross-validation, a parameter search — fill the same memory again instead of
/// mapping a fresh array each time (a new array of tens of megabytes costs the OS 40–130 ms to map on first touch on
/// a 2-core VM, more than such a fit's arithmetic). Give one pool to the trainers of those fits
/// (<see cref="LogRegOptionsBase.BufferPool"/>); it holds at most one array per element type, strongly, for as long as
/// the caller keeps the pool. Without one, every fit allocates its copy and leaves it to the garbage collector.
/// Thread-safe; a trainer returns its arrays only once nothing reads them (its model holds no rows).
/// </summary>
public sealed class TrainingBufferPool
{
    private readonly object _gate = new();
    private readonly Dictionary<Type, Array> _held = new();

    /// <summary>Smaller arrays (under 4 MB) are cheap to allocate and are never pooled.</summary>
    internal static long MinimumLength<T>() where T : unmanaged => (4L << 20) / Unsafe.SizeOf<T>();

    /// <summary>
    /// An array of at least <paramref name="length"/> elements (at most twice that when reused) from <paramref name="pool"/>,
    /// or a new one; <paramref name="reused"/> says whether its memory is mapped already. Contents undefined.
    /// </summary>
    internal static T[] Rent<T>(TrainingBufferPool? pool, long length, out bool reused)
        where T : unmanaged
    {
        reused = false;
        if (length < MinimumLength<T>())
        {
            return new T[length];
        }
        if (pool is not null)
        {
            Array? held;
            lock (pool._gate)
            {
                pool._held.Remove(typeof(T), out held);
            }
            if (held is T[] array && array.Length >= length && array.Length <= 2 * length)
            {
                reused = true;
                return array;
            }
        }
        // Uninitialised: the reader writes every element the matrix reads, and zeroing would map every page up front.
        return GC.AllocateUninitializedArray<T>(checked((int)length));
    }

    /// <summary>Keeps an array nothing reads any more for the next <see cref="Rent{T}"/> of <paramref name="pool"/> (none: dropped).</summary>
    internal static void Return<T>(TrainingBufferPool? pool, T[]? array)
        where T : unmanaged
    {
        if (pool is null || array is null || array.LongLength < MinimumLength<T>())
        {
            return;
        }
        lock (pool._gate)
        {
            pool._held[typeof(T)] = array;
        }
    }
}
