using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// What a trainer family hands the <see cref="EstimatorCore{TModel, TResult}"/> once it has reached the rows of a view, in
/// memory or as a streamed source: the problem to fit, θ's layout for a random start, the counts (a streamed source knows
/// them after its first pass), the statistics the rows allow, and the action that gives the copy's arrays back.
/// </summary>
/// <param name="Problem">The family over the rows.</param>
/// <param name="WeightCount">K·d (d for the binary model).</param>
/// <param name="BiasCount">K (1 for the binary model).</param>
/// <param name="RowCount">Usable rows (read after the fit).</param>
/// <param name="SkippedRows">Rows skipped for a missing value (read after the fit).</param>
internal sealed record TrainingRows<TModel>(FitProblem<TModel> Problem, int WeightCount, int BiasCount, Func<long> RowCount, Func<long> SkippedRows)
    where TModel : class
{
    /// <summary>The statistics of a fit on these rows (null: streamed, none can be computed).</summary>
    public Func<FitResult<TModel>, CancellationToken, LikelihoodFit>? Statistics { get; init; }

    /// <summary>Gives the in-memory copy's large arrays back to the pool, once nothing reads them.</summary>
    public Action? ReturnArrays { get; init; }
}
