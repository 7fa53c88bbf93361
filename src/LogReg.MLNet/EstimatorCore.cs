using System.Globalization;
using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// The one fit behind both ML.NET trainers: budget → read (in memory, or streamed when over
/// <see cref="LogRegOptionsBase.MemoryBudgetMegabytes"/>) → <see cref="Fitter.Fit{TModel}"/> → statistics → wrap, with the
/// channel's log and progress, the seed and the warm or random start, parameterised by a small family object
/// (<see cref="TrainerFamily{TModel, TResult}"/>). Streaming, statistics, warm starts, class weights and saved details
/// therefore work for both families by construction.
/// </summary>
internal sealed class EstimatorCore<TModel, TResult>(IHost host, LogRegOptionsBase options, TrainerFamily<TModel, TResult> family)
    where TModel : class
{
    /// <summary>Trains on <paramref name="input"/> from <paramref name="initial"/> (θ in the family's layout), or from the options' start.</summary>
    public TResult Train(IDataView input, double[]? initial)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = options;
        using var channel = host.Start("Training");
        long budget = MemoryBudget.Bytes(o.MemoryBudgetMegabytes);
        // Counted once here when the view does not know its length; the in-memory read reuses the count.
        long? rows = budget == 0 ? null : input.GetRowCount() ?? TrainingSetReader.CountRows(input, o.CancellationToken);
        long estimate = rows is long n ? MemoryBudget.EstimateBytes(input, o.FeatureColumnName, n, budget, o.CancellationToken) : 1;
        var read = estimate > budget ? Streamed(input, channel, budget, estimate) : family.Read(input, o, rows);

        int seed = o.Seed ?? host.Rand.Next();
        var trainerOptions = o.ToTrainerOptions(seed, new TrainingChannel.Progress(channel, o.Progress), e => TrainingChannel.Log(channel, e)) with
        {
            InitialParameters = initial ?? o.RandomStart(read.WeightCount, read.BiasCount, seed),
        };
        var fit = Fitter.Fit(read.Problem, trainerOptions);
        if (read.SkippedRows() is long skipped and > 0)
        {
            channel.Warning(MessageSensitivity.None,
                SkippedRowsNote.Of(skipped, o.FeatureColumnName, o.ExampleWeightColumnName, o.LabelColumnName, family.LabelCanBeMissing));
        }
        LikelihoodFit? statistics = null;
        if (o.ShowTrainingStatistics && read.Statistics is { } compute)
        {
            statistics = compute(fit, trainerOptions.CancellationToken);
            foreach (var warning in statistics.Warnings)
            {
                channel.Warning(MessageSensitivity.None, "Training statistics: " + warning);
            }
        }
        // Nothing reads the copy after this point (the fit, report and statistics hold no rows).
        read.ReturnArrays?.Invoke();
        return family.Wrap(host, fit, read.RowCount(), read.SkippedRows(), statistics, input, o);
    }

    // Data over the memory budget: every pass reads the view again.
    private TrainingRows<TModel> Streamed(IDataView input, IChannel channel, long budget, long estimate)
    {
        if (options.ShowTrainingStatistics)
        {
            throw new ArgumentOutOfRangeException(nameof(options.ShowTrainingStatistics), true,
                (budget == 0 ? "ShowTrainingStatistics is true, but MemoryBudgetMegabytes is 0, so the training data are streamed" :
                $"ShowTrainingStatistics is true, but the training data (about {estimate >> 20} MB in memory) exceed MemoryBudgetMegabytes " +
                $"({budget >> 20} MB) and are streamed") + "; statistics need the rows in memory. Raise MemoryBudgetMegabytes or set ShowTrainingStatistics = false.");
        }
        int blockRows = MemoryBudget.BlockRows(budget, SchemaChecks.FeatureCount(input.Schema, options.FeatureColumnName));
        string why = budget == 0 ? "MemoryBudgetMegabytes is 0" : string.Create(CultureInfo.InvariantCulture,
            $"the training data (about {estimate / 1048576.0:F0} MB in memory) exceed MemoryBudgetMegabytes ({budget / 1048576.0:F0} MB)");
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
            $"Streaming the training data, as {why}: blocks of {blockRows} rows, one read of the view per pass."));
        return family.Stream(input, options, blockRows);
    }
}
