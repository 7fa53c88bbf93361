using System.Runtime.CompilerServices;

namespace LogReg.MLNet;

/// <summary>
/// Maps the pages of a large array on a second thread while the reader fills it: the helper writes
/// one value per 4 KB page from the array's end downwards, the reader fills rows from the start,
/// and each 1 MB chunk belongs to whichever claims it first. A fresh array's pages are mapped one
/// fault at a time on first write, and on a virtual machine that costs more than the copy itself
/// (the dense benchmark's 64 MB copy: ~110 ms to read into a fresh array against ~32 ms into memory
/// already mapped, scratch harness on the 2-core dev VM); with the helper, the two cores share it.
/// The helper only ever writes chunks the reader has not claimed, so the reader's values are never
/// overwritten; <see cref="Stop"/> waits for it, so nothing writes to the array once the read is done.
/// </summary>
/// <typeparam name="T">The array's element type.</typeparam>
internal sealed class PageFaultAhead<T>
    where T : unmanaged
{
    private const int ChunkBytes = 1 << 20;
    private const int PageBytes = 4096;
    private const int Free = 0, Reader = 1, Helper = 2, HelperDone = 3;

    /// <summary>Arrays smaller than this (16 MB) are mapped quickly enough that a helper thread does not pay.</summary>
    public const long MinimumBytes = 16L << 20;

    private readonly T[] _array;
    private readonly int[] _chunks;
    private readonly Task _helper;
    private volatile bool _stopping;
    private long _readerEnd; // elements below this index are in chunks the reader owns

    private PageFaultAhead(T[] array)
    {
        _array = array;
        _chunks = new int[(int)((Buffer.ByteLength(array) + ChunkBytes - 1) / ChunkBytes)];
        _helper = Task.Run(Touch);
    }

    private static int ElementsPerChunk => ChunkBytes / Unsafe.SizeOf<T>();

    /// <summary>A helper for <paramref name="array"/>, or null when it is small or only one thread may be used.</summary>
    public static PageFaultAhead<T>? StartFor(T[] array, int threads) =>
        threads > 1 && Buffer.ByteLength(array) >= MinimumBytes ? new PageFaultAhead<T>(array) : null;

    /// <summary>Call before writing elements below <paramref name="end"/>: claims (or waits for) every chunk up to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ClaimBelow(long end)
    {
        if (end > _readerEnd)
        {
            ClaimChunks(end);
        }
    }

    /// <summary>Stops the helper and waits for it: after this nothing but the reader writes to the array.</summary>
    public void Stop()
    {
        _stopping = true;
        _helper.Wait();
    }

    private void ClaimChunks(long end)
    {
        int first = (int)(_readerEnd / ElementsPerChunk);
        int last = (int)((end - 1) / ElementsPerChunk);
        for (int c = first; c <= last; c++)
        {
            if (Interlocked.CompareExchange(ref _chunks[c], Reader, Free) != Free)
            {
                // The helper holds it: it is mapping this chunk now or has done so.
                var spin = default(SpinWait);
                while (Volatile.Read(ref _chunks[c]) != HelperDone)
                {
                    spin.SpinOnce();
                }
            }
        }
        _readerEnd = Math.Min((long)(last + 1) * ElementsPerChunk, _array.LongLength);
    }

    private void Touch()
    {
        int stride = PageBytes / Unsafe.SizeOf<T>();
        for (int c = _chunks.Length - 1; c >= 0 && !_stopping; c--)
        {
            if (Interlocked.CompareExchange(ref _chunks[c], Helper, Free) != Free)
            {
                return; // the reader has reached this chunk: everything below is its own
            }
            long start = (long)c * ElementsPerChunk;
            long end = Math.Min(start + ElementsPerChunk, _array.LongLength);
            for (long i = start; i < end; i += stride)
            {
                _array[i] = default;
            }
            Volatile.Write(ref _chunks[c], HelperDone);
        }
    }
}
