namespace LogReg.Core.Training;

/// <summary>
/// What <see cref="Fitter.Fit{TModel}"/> returns for every family and row source: the model and, beside it, the report of its fit.
/// </summary>
/// <typeparam name="TModel"><see cref="LogisticModel"/> or <see cref="SoftmaxModel"/>.</typeparam>
/// <param name="Model">What scores.</param>
/// <param name="Report">How it was found.</param>
public sealed record FitResult<TModel>(TModel Model, FitReport Report) where TModel : class;
