using LogReg.Core.Data;

namespace LogReg.Core.Training;

/// <summary>
/// The binary model on data read from an <see cref="ITrainingBlockSource"/> pass by pass (the streaming mode):
/// <see cref="Fitter.Fit{TModel}"/> of <see cref="FitProblem.Binary(ITrainingBlockSource)"/>, the same options, optimizers and
/// model as in memory on a <see cref="StreamingObjective"/>. L1 and non-negativity run OWL-QN on the objective as it is
/// (in memory it runs in centred-bias coordinates, which need the column means first: same optimum, more iterations on raw
/// features). What needs the rows in memory is refused with the reason (<see cref="FitCapabilities"/>): SGD (random
/// mini-batches) and Firth's correction (leverages of every row).
/// </summary>
public static class StreamingTraining
{
    /// <summary>Trains on <paramref name="source"/>; every objective evaluation is one pass over it.</summary>
    /// <exception cref="ArgumentException">Options the streaming mode cannot honour, no rows, or a single class.</exception>
    public static FitResult<LogisticModel> Train(ITrainingBlockSource source, TrainerOptions? options = null) => Fitter.Fit(FitProblem.Binary(source), options);
}
