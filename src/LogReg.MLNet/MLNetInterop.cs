using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace LogReg.MLNet;

/// <summary>
/// The only place that reaches ML.NET internals (checked against Microsoft.ML 5.0.1). ML.NET keeps
/// the constructors of <see cref="LinearBinaryModelParameters"/>, <see cref="PlattCalibrator"/>,
/// the calibrated-model wrapper and <see cref="BinaryPredictionTransformer{TModel}"/> internal, and
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
    public static IHostEnvironment EnvironmentOf(BinaryClassificationCatalog.BinaryClassificationTrainers catalog)
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
        throw Missing("the environment of BinaryClassificationCatalog.BinaryClassificationTrainers");
    }

    /// <summary>
    /// A BinaryPredictionTransformer over ML.NET's linear model with weights w, bias b and a Platt
    /// calibrator of slope −1 and offset 0, so Probability = 1/(1 + e^(−Score)) = σ(Score).
    /// </summary>
    public static ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> CreateScorer(
        IHostEnvironment env, float[] weights, float bias, DataViewSchema inputSchema, string featureColumnName)
    {
        var m = Resolved.Value;
        var buffer = new VBuffer<float>(weights.Length, weights);
        var linear = (LinearBinaryModelParameters)Invoke(m.Linear, env, buffer, bias, null);
        var platt = (PlattCalibrator)Invoke(m.Platt, env, -1.0, 0.0);
        var calibrated = Invoke(m.Calibrated, env, linear, platt);
        return (ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)
            Invoke(m.Transformer, env, calibrated, inputSchema, featureColumnName, 0f, "Score");
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

    private static Members Resolve()
    {
        var linear = typeof(LinearBinaryModelParameters).GetConstructors(Instance).FirstOrDefault(c =>
        {
            var p = c.GetParameters();
            return p.Length == 4 && p[0].ParameterType == typeof(IHostEnvironment) && p[2].ParameterType == typeof(float);
        }) ?? throw Missing("LinearBinaryModelParameters(IHostEnvironment, in VBuffer<float>, float, ModelStatisticsBase)");

        var platt = typeof(PlattCalibrator).GetConstructors(Instance).FirstOrDefault(c =>
        {
            var p = c.GetParameters();
            return p.Length == 3 && p[1].ParameterType == typeof(double) && p[2].ParameterType == typeof(double);
        }) ?? throw Missing("PlattCalibrator(IHostEnvironment, double, double)");

        var mixingDefinition = typeof(CalibratedModelParametersBase<,>).Assembly
            .GetType("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2")
            ?? throw Missing("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2");
        var mixing = mixingDefinition.MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
        var calibrated = mixing.GetConstructors(Instance).FirstOrDefault(c => c.GetParameters().Length == 3)
            ?? throw Missing("ParameterMixingCalibratedModelParameters(IHostEnvironment, TSubModel, TCalibrator)");

        var transformerType = typeof(BinaryPredictionTransformer<>).MakeGenericType(CalibratedModelType);
        var transformer = transformerType.GetConstructors(Instance).FirstOrDefault(c =>
        {
            var p = c.GetParameters();
            return p.Length == 6 && p[2].ParameterType == typeof(DataViewSchema) && p[3].ParameterType == typeof(string)
                && p[4].ParameterType == typeof(float);
        }) ?? throw Missing("BinaryPredictionTransformer(IHostEnvironment, TModel, DataViewSchema, string, float, string)");

        return new Members(linear, platt, calibrated, transformer);
    }

    private static InvalidOperationException Missing(string what) => new(
        $"LogReg.MLNet could not find the ML.NET member {what} in Microsoft.ML " +
        $"{typeof(MLContext).Assembly.GetName().Version}; this version of LogReg.MLNet was built against Microsoft.ML 5.0.1.");

    private sealed record Members(ConstructorInfo Linear, ConstructorInfo Platt, ConstructorInfo Calibrated, ConstructorInfo Transformer);
}
