using System.Reflection;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The only place that reaches ML.NET internals (checked against Microsoft.ML 5.0.1). ML.NET keeps
/// the constructors of <see cref="LinearBinaryModelParameters"/>, <see cref="PlattCalibrator"/>,
/// the calibrated-model wrapper, <see cref="BinaryPredictionTransformer{TModel}"/>, <see cref="TrainerInfo"/> and
/// the statistics records, <see cref="MaximumEntropyModelParameters"/> and
/// <see cref="MulticlassPredictionTransformer{TModel}"/> internal, and
/// exposes a catalog's environment to nobody (dotnet/machinelearning #4911, #6839, #3243). Every
/// member is looked up once, on first use; if an ML.NET upgrade removes one, the first call fails
/// with an <see cref="InvalidOperationException"/> that says which, and the tests fail loudly.
/// </summary>
internal static class MLNetInterop
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Lazy<Members> Resolved = new(Resolve);

    /// <summary>The model type ML.NET's own LbfgsLogisticRegression produces.</summary>
    public static readonly Type CalibratedModelType = typeof(CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>);

    /// <summary>The environment (the MLContext) behind a trainers catalog.</summary>
    public static IHostEnvironment EnvironmentOf(object catalog)
    {
        for (Type? t = catalog.GetType(); t is not null; t = t.BaseType)
        {
            foreach (var property in t.GetProperties(Instance))
            {
                if (typeof(IHostEnvironment).IsAssignableFrom(property.PropertyType) && property.GetIndexParameters().Length == 0)
                {
                    if (property.GetValue(catalog) is IHostEnvironment env)
                    {
                        return env;
                    }
                }
            }
        }
        throw Missing($"the environment of {catalog.GetType().Name}");
    }

    /// <summary>
    /// A BinaryPredictionTransformer over ML.NET's linear model with weights w, bias b and a Platt
    /// calibrator of slope −1 and offset 0, so Probability = 1/(1 + e^(−Score)) = σ(Score).
    /// </summary>
    public static BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> CreateScorer(
        IHostEnvironment env, float[] weights, float bias, ModelStatisticsBase? statistics, DataViewSchema inputSchema, string featureColumnName)
    {
        var m = Resolved.Value;
        var buffer = new VBuffer<float>(weights.Length, weights);
        var linear = (LinearBinaryModelParameters)Invoke(m.Linear, env, buffer, bias, statistics);
        var platt = (PlattCalibrator)Invoke(m.Platt, env, -1.0, 0.0);
        var calibrated = Invoke(m.Calibrated, env, linear, platt);
        return (BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)
            Invoke(m.Transformer, env, calibrated, inputSchema, featureColumnName, 0f, "Score");
    }

    /// <summary>
    /// ML.NET's own statistics record, which <see cref="LinearBinaryModelParameters"/> saves and
    /// plain ML.NET reloads: deviance-level only when <paramref name="standardErrors"/> is null, else
    /// with the standard errors (slot 0 the bias, slot j + 1 weight j; a sparse buffer leaves out
    /// coefficients that have none).
    /// </summary>
    public static ModelStatisticsBase CreateStatistics(IHostEnvironment env, long rows, int parameterCount, float deviance, float nullDeviance,
        VBuffer<float>? standardErrors, float[] weights, float bias)
    {
        var m = Resolved.Value;
        return standardErrors is VBuffer<float> errors
            ? (ModelStatisticsBase)Invoke(m.LinearStatistics, env, rows, parameterCount, deviance, nullDeviance, errors, new VBuffer<float>(weights.Length, weights), bias)
            : (ModelStatisticsBase)Invoke(m.BaseStatistics, env, rows, parameterCount, deviance, nullDeviance);
    }

    /// <summary>
    /// What this trainer tells ML.NET's meta-trainers and tools: it needs no normalisation (it centres
    /// and preconditions internally), calibration or caching (it reads the data once), and it takes
    /// an initial model.
    /// </summary>
    public static TrainerInfo TrainerInfo => SharedTrainerInfo.Value;

    private static readonly Lazy<TrainerInfo> SharedTrainerInfo = new(() =>
        (TrainerInfo)Invoke(Resolved.Value.Info, false, false, false, false, true, false));

    /// <summary>
    /// ML.NET's own softmax scorer (what <c>LbfgsMaximumEntropy</c> produces) with weights Wₖ and
    /// biases bₖ, inside a MulticlassPredictionTransformer: Score = softmax(W·x + b), PredictedLabel
    /// its arg-max, as a key of the training label's type.
    /// </summary>
    public static MulticlassPredictionTransformer<MaximumEntropyModelParameters> CreateMulticlassScorer(IHostEnvironment env,
        VBuffer<float>[] weights, float[] biases, int featureCount, string[]? classNames, DataViewSchema inputSchema, string featureColumnName, string labelColumnName,
        ModelStatisticsBase? statistics = null)
    {
        var m = Resolved.Value;
        var model = Invoke(m.MaximumEntropy, env, weights, biases, biases.Length, featureCount, classNames, statistics);
        return (MulticlassPredictionTransformer<MaximumEntropyModelParameters>)
            Invoke(m.MulticlassTransformer, env, model, inputSchema, featureColumnName, labelColumnName, "Score", "PredictedLabel");
    }

    /// <summary>Throws unless every internal member this adapter needs is present.</summary>
    public static void EnsureAvailable() => _ = Resolved.Value;

    private static object Invoke(ConstructorInfo ctor, params object?[] args)
    {
        try
        {
            return ctor.Invoke(args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>
    /// Every internal constructor this adapter calls, by its full parameter list (a by-reference <c>in</c> parameter as
    /// its by-reference type): a new overload cannot bind in its place, and a changed one is reported by name.
    /// </summary>
    internal static IReadOnlyList<(Type Type, Type[] Parameters)> RequiredConstructors => Required.Value;

    private static readonly Lazy<(Type Type, Type[] Parameters)[]> Required = new(() => new (Type, Type[])[]
    {
        (typeof(LinearBinaryModelParameters), new[] { typeof(IHostEnvironment), typeof(VBuffer<float>).MakeByRefType(), typeof(float), typeof(ModelStatisticsBase) }),
        (typeof(PlattCalibrator), new[] { typeof(IHostEnvironment), typeof(double), typeof(double) }),
        (MixingType(), new[] { typeof(IHostEnvironment), typeof(LinearBinaryModelParameters), typeof(PlattCalibrator) }),
        (typeof(BinaryPredictionTransformer<>).MakeGenericType(CalibratedModelType),
            new[] { typeof(IHostEnvironment), CalibratedModelType, typeof(DataViewSchema), typeof(string), typeof(float), typeof(string) }),
        (typeof(TrainerInfo), Enumerable.Repeat(typeof(bool), 6).ToArray()),
        (typeof(ModelStatisticsBase), new[] { typeof(IHostEnvironment), typeof(long), typeof(int), typeof(float), typeof(float) }),
        (typeof(LinearModelParameterStatistics), new[]
        {
            typeof(IHostEnvironment), typeof(long), typeof(int), typeof(float), typeof(float), typeof(VBuffer<float>).MakeByRefType(), typeof(VBuffer<float>), typeof(float),
        }),
        (typeof(MaximumEntropyModelParameters), new[]
        {
            typeof(IHostEnvironment), typeof(VBuffer<float>[]), typeof(float[]), typeof(int), typeof(int), typeof(string[]), typeof(ModelStatisticsBase),
        }),
        (typeof(MulticlassPredictionTransformer<MaximumEntropyModelParameters>), new[]
        {
            typeof(IHostEnvironment), typeof(MaximumEntropyModelParameters), typeof(DataViewSchema), typeof(string), typeof(string), typeof(string), typeof(string),
        }),
    });

    /// <summary>How a required constructor reads in C#, for messages and tests.</summary>
    internal static string Describe(Type type, Type[] parameters) =>
        $"{type.Name.Split('`')[0]}({string.Join(", ", parameters.Select(p => p.IsByRef ? "in " + Name(p.GetElementType()!) : Name(p)))})";

    private static string Name(Type t) =>
        t.IsArray ? Name(t.GetElementType()!) + "[]"
        : t.IsGenericType ? $"{t.Name.Split('`')[0]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;

    // ML.NET's calibrated linear model type is internal; its generic definition is found by name in its assembly.
    private static Type MixingType()
    {
        var definition = typeof(CalibratedModelParametersBase<,>).Assembly.GetType("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2")
            ?? throw Missing("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2");
        return definition.MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
    }

    private static Members Resolve()
    {
        var found = RequiredConstructors.Select(r => r.Type.GetConstructor(Instance, binder: null, r.Parameters, modifiers: null)
            ?? throw Missing(Describe(r.Type, r.Parameters))).ToArray();
        return new Members(found[0], found[1], found[2], found[3], found[4], found[5], found[6], found[7], found[8]);
    }

    private static InvalidOperationException Missing(string what) => new(
        $"LogReg.MLNet could not find the ML.NET member {what} in Microsoft.ML " +
        $"{typeof(MLContext).Assembly.GetName().Version}; this version of LogReg.MLNet was built against Microsoft.ML 5.0.1.");

    private sealed record Members(
        ConstructorInfo Linear, ConstructorInfo Platt, ConstructorInfo Calibrated, ConstructorInfo Transformer,
        ConstructorInfo Info, ConstructorInfo BaseStatistics, ConstructorInfo LinearStatistics,
        ConstructorInfo MaximumEntropy, ConstructorInfo MulticlassTransformer);
}
