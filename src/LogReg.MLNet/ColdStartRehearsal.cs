using System.Collections.Concurrent;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Optimization;

namespace LogReg.MLNet;

/// <summary>
/// The first fit in a process compiles (JIT) the optimizer, the objective and its kernels on the
/// training thread, after the data are read: on the dense benchmark (160,000 × 100) its first
/// iteration came 85 ms after the optimizer started against 32 ms in a later fit, and 98 ms of the
/// first fit's JIT time was this library's code. So when a large set is being read, a
/// rehearsal — the same loss, optimizer, penalty and layout, three iterations on 256 synthetic rows
/// of the same width — runs once per process on another thread, and the read (single-threaded, tens
/// of milliseconds or more) hides the compilation — when the caller opts in (<see cref="LogRegOptions.RehearseColdStart"/>). The rehearsal shares no state with the real fit:
/// its model is thrown away, and where both need the same method the runtime compiles it once.
/// </summary>
internal static class ColdStartRehearsal
{
    /// <summary>Sets with fewer values (n·d) are read too quickly to hide the rehearsal; their first fit is short anyway.</summary>
    public const long MinimumValues = 1_000_000;

    private const int Rows = 256;
    private const int SparseValuesPerRow = 8;

    // Only the kinds of fit started: a stored task would hold its closure (the caller's schema and view) until it runs.
    private static readonly ConcurrentDictionary<Shape, byte> s_started = new();

    /// <summary>
    /// Starts the rehearsal for a fit with <paramref name="options"/> on <paramref name="rows"/> × <paramref name="features"/>
    /// the first time this kind of fit is met in the process, when more than one thread is allowed and the set is large;
    /// returns it, or null when none was started. <paramref name="afterFit"/> rehearses what the caller does with a fit.
    /// </summary>
    public static Task? StartIfUseful(TrainerOptions options, long rows, int features, bool sparse, Action<FitResult<LogisticModel>> afterFit)
    {
        if (options.ResolvedThreads < 2 || options.FirthBiasReduction || rows * features < MinimumValues)
        {
            return null;
        }
        var kind = OptimizerCatalog.Resolve(options, features, (int)Math.Min(rows, int.MaxValue));
        var shape = new Shape(options.Loss, kind, options.L1Regularization > 0, options.EnforceNonNegativity, sparse);
        if (!s_started.TryAdd(shape, 0))
        {
            return null;
        }
        // Observed here: a rehearsal that fails (it cannot, on valid synthetic rows) costs the real fit nothing.
        return Task.Run(() => afterFit(Fit(options with { Optimizer = kind }, features, sparse)))
            .ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The rehearsal fit itself (on the calling thread): three iterations of <paramref name="options"/> on the synthetic set.</summary>
    internal static FitResult<LogisticModel> Fit(TrainerOptions options, int features, bool sparse) =>
        LogisticRegressionTrainer.Train(SyntheticSet(features, sparse), options with
        {
            MaximumNumberOfIterations = 3,
            InitialParameters = null,
            Progress = null,
            Log = null,
            CancellationToken = CancellationToken.None,
        });

    // Rows of both classes with values in [-1, 1]: any valid set of the right width compiles the same code.
    private static TrainingSet SyntheticSet(int features, bool sparse)
    {
        var labels = Enumerable.Range(0, Rows).Select(i => (double)(i % 2)).ToArray();
        int perRow = Math.Min(SparseValuesPerRow, features);
        if (!sparse || perRow == features)
        {
            var values = new float[(long)Rows * features];
            for (long k = 0; k < values.LongLength; k++)
            {
                values[k] = ((k * 7919) % 17 - 8) / 8f;
            }
            return new TrainingSet(new DenseMatrix(Rows, features, values), labels);
        }
        int stride = features / perRow;
        var rowStart = new long[Rows + 1];
        var indices = new int[Rows * perRow];
        var sparseValues = new float[Rows * perRow];
        for (int i = 0; i < Rows; i++)
        {
            rowStart[i + 1] = rowStart[i] + perRow;
            for (int k = 0; k < perRow; k++)
            {
                indices[i * perRow + k] = k * stride + i % stride; // increasing within the row
                sparseValues[i * perRow + k] = ((i + k) % 5 - 2) / 2f;
            }
        }
        return new TrainingSet(new SparseMatrix(Rows, features, rowStart, indices, sparseValues), labels);
    }

    private readonly record struct Shape(LossKind Loss, OptimizerKind Optimizer, bool L1, bool NonNegative, bool Sparse);
}
