using LogReg.Core.Data;

namespace LogReg.Core.Training;

/// <summary>
/// The softmax model's entry point (multinomial logistic regression): <see cref="Fitter.Fit{TModel}"/> of
/// <see cref="FitProblem.Softmax(MulticlassTrainingSet)"/> with the same optimizers and options as the binary model.
/// <c>Auto</c> is full Newton for small problems, Newton-CG on sparse data and L-BFGS on other dense data
/// (<see cref="OptimizerCatalog.ResolveSoftmax"/>); with L1 or non-negativity it is OWL-QN (L-BFGS).
/// </summary>
public static class SoftmaxRegressionTrainer
{
    /// <summary>Trains on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Empty data, fewer than two classes present, or options this model does not take.</exception>
    public static FitResult<SoftmaxModel> Train(MulticlassTrainingSet data, TrainerOptions? options = null) => Fitter.Fit(FitProblem.Softmax(data), options);

    /// <summary>Trains on <paramref name="source"/>, read again on every pass.</summary>
    /// <exception cref="ArgumentException">No rows, fewer than two classes present, or options the streamed softmax fit does not take.</exception>
    public static FitResult<SoftmaxModel> Train(IMulticlassBlockSource source, TrainerOptions? options = null) => Fitter.Fit(FitProblem.Softmax(source), options);
}
