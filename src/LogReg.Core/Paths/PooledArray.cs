using System.Buffers;
using System.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The shared array pool as a path's large work arrays use it: a cross-validation's folds on one thread hand their arrays
/// to the next fold's path instead of allocating large objects afresh, each of which counts towards a blocking full
/// collection (mlbench DNA's 10-fold CV: 26 of them, a seventh of its time). Arrays come with whatever their last user left
/// in them; lengths are the pool's powers of two, so a buffer grown a little at a time is replaced only when it doubles.
/// </summary>
internal static class PooledArray
{
    /// <summary>An array of at least <paramref name="length"/> values, from the pool when it serves that length.</summary>
    public static T[] Rent<T>(long length) =>
        length <= 1 << 30 ? ArrayPool<T>.Shared.Rent((int)length) : new T[length];

    /// <summary>Gives <paramref name="array"/> back (nothing reads or writes it any more); lengths the pool does not deal in
    /// (not a power of two from 16) are left to the collector.</summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length >= 16 && array.Length <= 1 << 30 && BitOperations.IsPow2(array.Length))
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
