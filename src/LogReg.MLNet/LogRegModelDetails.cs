using System.Runtime.CompilerServices;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The way back from ML.NET's model types to this library's account of a fit.
/// <see cref="LogRegTrainer.Fit(Microsoft.ML.IDataView)"/> returns ML.NET's own transformer, so pipelines,
/// <c>OneVersusAll</c>, <c>CrossValidate</c> and plain-ML.NET loading see nothing unusual; the fit
/// report and full statistics stay attached to its linear model and are found here — for models
/// trained in this process, and for models read with <see cref="LogRegModelFile.Load"/> from a file
/// written by <c>LogRegModelFile.Save</c>.
/// </summary>
public static class LogRegModelDetails
{
    // One table for both families: ML.NET's model object → this library's details of its fit.
    private static readonly ConditionalWeakTable<object, object> Details = new();

    /// <summary>The model, fit report and statistics behind <paramref name="model"/>, or null if this library did not train it (or it was loaded without them).</summary>
    public static LogRegModelParameters? LogRegDetails(this LinearBinaryModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Details.TryGetValue(model, out var details) ? details as LogRegModelParameters : null;
    }

    /// <summary>The same, for the calibrated model a binary trainer's transformer carries (<c>transformer.Model</c>).</summary>
    public static LogRegModelParameters? LogRegDetails(this CalibratedModelParametersBase model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.SubModel is LinearBinaryModelParameters linear ? linear.LogRegDetails() : null;
    }

    /// <summary>The softmax model and fit report behind a multiclass model this library trained in this process, else null.</summary>
    public static LogRegMulticlassModelParameters? LogRegDetails(this MaximumEntropyModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Details.TryGetValue(model, out var details) ? details as LogRegMulticlassModelParameters : null;
    }

    internal static void Attach(LinearBinaryModelParameters model, LogRegModelParameters details) => Details.AddOrUpdate(model, details);

    internal static void Attach(MaximumEntropyModelParameters model, LogRegMulticlassModelParameters details) => Details.AddOrUpdate(model, details);

    /// <summary>
    /// The binary linear models in <paramref name="transformer"/>, depth-first in pipeline order (a
    /// chain's transformers, a <see cref="LogRegTransformer"/>'s scorer, a prediction transformer's
    /// model or calibrated sub-model). <see cref="LogRegModelFile"/> walks the same way at save and at
    /// load to pair details with models.
    /// </summary>
    public static IEnumerable<LinearBinaryModelParameters> LinearModelsIn(ITransformer transformer) => transformer switch
    {
        LogRegTransformer ours => LinearModelsIn(ours.Scorer),
        IEnumerable<ITransformer> chain => chain.SelectMany(LinearModelsIn),
        IPredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: LinearBinaryModelParameters linear } } => [linear],
        IPredictionTransformer<object> { Model: LinearBinaryModelParameters linear } => [linear],
        _ => [],
    };

    /// <summary>The softmax models inside <paramref name="transformer"/> (a chain, or a multiclass prediction transformer), in order.</summary>
    public static IEnumerable<MaximumEntropyModelParameters> MulticlassModelsIn(ITransformer transformer) => transformer switch
    {
        IEnumerable<ITransformer> chain => chain.SelectMany(MulticlassModelsIn),
        IPredictionTransformer<object> { Model: MaximumEntropyModelParameters softmax } => [softmax],
        _ => [],
    };
}
