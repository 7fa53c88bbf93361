namespace LogReg.Core.Objectives;

/// <summary>
/// A fixed split of the rows into contiguous chunks, and a way to run one job per chunk on up to
/// <see cref="Threads"/> threads. The split depends on the row count only (never on the thread
/// count), and callers add per-chunk partial results in chunk order: the same inputs give
/// bit-identical results at 1, 2 or 64 threads.
/// </summary>
internal sealed class RowChunks
{
    /// <summary>Smallest chunk worth a task of its own.</summary>
    public const int MinimumRowsPerChunk = 2048;

    /// <summary>Upper bound on the number of chunks (and so on partial buffers).</summary>
    public const int MaximumChunks = 32;

    private readonly int _rowCount;
    private readonly ParallelOptions? _parallel;

    /// <param name="rowCount">Rows to split.</param>
    /// <param name="threads">Threads that run the chunks (never changes the layout).</param>
    /// <param name="partialWidth">Doubles each chunk accumulates (e.g. d + 1 for a gradient): wide partial sums get fewer chunks.</param>
    public RowChunks(int rowCount, int threads, int partialWidth = 0)
    {
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "The number of threads must be at least 1.");
        }
        _rowCount = rowCount;
        Count = rowCount == 0 ? 0 : Math.Clamp((rowCount + MinimumRowsPerChunk - 1) / MinimumRowsPerChunk, 1, MaximumChunksFor(partialWidth));
        Threads = threads;
        if (threads > 1 && Count > 1)
        {
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        }
    }

    /// <summary>Number of chunks.</summary>
    public int Count { get; }

    /// <summary>
    /// At most <see cref="MaximumChunks"/>, fewer when the partial sums are wide: every pass clears and adds one
    /// partial per chunk, which for 32 chunks of 20,001 doubles took ~3 ms of a ~7 ms sparse pass. Depends on the
    /// data's shape only, so the sums do not depend on the thread count; never fewer than 8 (parallel work).
    /// </summary>
    public static int MaximumChunksFor(int partialWidth) =>
        partialWidth <= 0 ? MaximumChunks : Math.Clamp(PartialBudget / partialWidth, MinimumChunkCap, MaximumChunks);

    // Doubles of partial sums a pass may hold across its chunks (1 MB).
    private const int PartialBudget = 1 << 17;

    private const int MinimumChunkCap = 8;

    /// <summary>Most threads used at once.</summary>
    public int Threads { get; }

    /// <summary>Rows [Start, End) of chunk c.</summary>
    public (int Start, int End) this[int c]
    {
        get
        {
            int start = (int)((long)_rowCount * c / Count);
            int end = (int)((long)_rowCount * (c + 1) / Count);
            return (start, end);
        }
    }

    /// <summary>Runs <paramref name="body"/> once for every chunk index.</summary>
    public void Run(Action<int> body)
    {
        if (_parallel is null)
        {
            for (int c = 0; c < Count; c++)
            {
                body(c);
            }
        }
        else
        {
            Parallel.For(0, Count, _parallel, body);
        }
    }
}
