using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LogReg.Core.Numerics;

/// <summary>
/// The shared array pool as the large work arrays use it (the paths', the dense Gram's panels): a cross-validation's folds
/// on one thread hand their arrays to the next fold's path instead of allocating large objects afresh, each of which counts
/// towards a blocking full collection (mlbench DNA's 10-fold CV: 26 of them, a seventh of its time). Arrays come with
/// whatever their last user left in them; lengths are the pool's powers of two, so a buffer grown a little at a time is
/// replaced only when it doubles.
/// Arrays over <see cref="MaxPooledBytes"/> are allocated to their length and left to the collector: rounded up they could
/// take twice the memory, the pool would keep them after the fit, and their page faults are a small share of the passes
/// over them.
/// </summary>
internal static class PooledArray
{
    /// <summary>The largest array served from (and given back to) the pool.</summary>
    public const long MaxPooledBytes = 16 << 20;

    /// <summary>An array of at least <paramref name="length"/> values: from the pool up to <see cref="MaxPooledBytes"/>, else
    /// a fresh one of that length.</summary>
    public static T[] Rent<T>(long length) =>
        Pooled<T>(length) ? ArrayPool<T>.Shared.Rent((int)length) : new T[length];

    /// <summary>Gives <paramref name="array"/> back (nothing reads or writes it any more); lengths the pool does not deal in
    /// (not a power of two from 16, or over the size served) are left to the collector.</summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length >= 16 && Pooled<T>(array.Length) && BitOperations.IsPow2(array.Length))
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    private static bool Pooled<T>(long length) => length * Unsafe.SizeOf<T>() <= MaxPooledBytes;
}
