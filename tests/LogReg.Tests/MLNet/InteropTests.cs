using System.Reflection;
using LogReg.MLNet;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>The ML.NET internals the adapter reaches, named one by one and bound by their full signatures.</summary>
public class InteropTests
{
    private static readonly string[] Expected =
    {
        "LinearBinaryModelParameters(IHostEnvironment, in VBuffer<Single>, Single, ModelStatisticsBase)",
        "PlattCalibrator(IHostEnvironment, Double, Double)",
        "ParameterMixingCalibratedModelParameters(IHostEnvironment, LinearBinaryModelParameters, PlattCalibrator)",
        "BinaryPredictionTransformer(IHostEnvironment, CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>, DataViewSchema, String, Single, String)",
        "TrainerInfo(Boolean, Boolean, Boolean, Boolean, Boolean, Boolean)",
        "ModelStatisticsBase(IHostEnvironment, Int64, Int32, Single, Single)",
        "LinearModelParameterStatistics(IHostEnvironment, Int64, Int32, Single, Single, in VBuffer<Single>, VBuffer<Single>, Single)",
        "MaximumEntropyModelParameters(IHostEnvironment, VBuffer<Single>[], Single[], Int32, Int32, String[], ModelStatisticsBase)",
        "MulticlassPredictionTransformer(IHostEnvironment, MaximumEntropyModelParameters, DataViewSchema, String, String, String, String)",
    };

    [Fact]
    public void EveryInternalConstructorIsNamedAndPresentWithExactlyItsSignature()
    {
        var required = MLNetInterop.RequiredConstructors;
        Assert.Equal(Expected, required.Select(r => MLNetInterop.Describe(r.Type, r.Parameters)));
        const BindingFlags any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var (type, parameters) in required)
        {
            var matches = type.GetConstructors(any).Where(c => c.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters)).ToList();
            Assert.True(matches.Count == 1, $"{MLNetInterop.Describe(type, parameters)}: {matches.Count} constructors");
        }
        MLNetInterop.EnsureAvailable();
    }
}
