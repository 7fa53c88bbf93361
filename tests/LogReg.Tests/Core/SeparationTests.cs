using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Separation decided by the linear program, against scipy's HiGHS on the same LP.</summary>
public class SeparationTests
{
    public static TheoryData<string> Sets() => new() { "spector", "breast_cancer_wdbc", "endometrial" };

    private static ReferenceData Get(string name) => name switch
    {
        "spector" => ReferenceData.Spector,
        "endometrial" => ReferenceData.Endometrial,
        _ => ReferenceData.BreastCancer,
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void TheVerdictAndTheOptimumMatchTheReference(string name)
    {
        var reference = Get(name);
        var result = SeparationCheck.Run(reference.Dense(), Enumerable.Range(0, reference.FeatureCount).ToArray());
        bool expected = reference.Separation.GetProperty("separation").GetBoolean();
        Assert.True(result.Checked);
        Assert.Equal(expected, result.Separated);
        // The features are stored in single precision (the reference LP used double): about 1e-6 relative.
        NumericAssert.Close(reference.Separation.GetProperty("optimum").GetDouble(), result.Optimum, 1e-5, "LP optimum");
        if (expected)
        {
            // The optimal direction need not be unique; each reported one must separate.
            Assert.NotEmpty(result.Direction);
            Assert.True(result.SeparatedRows > 0);
        }
    }

    [Fact]
    public void EndometrialIsQuasiSeparatedByNV()
    {
        var result = SeparationCheck.Run(ReferenceData.Endometrial.Dense(), new[] { 0, 1, 2 });
        Assert.True(result.Separated);
        Assert.False(result.Complete);
        Assert.Equal(new[] { "NV" }, result.Direction.Keys);
    }

    [Fact]
    public void OverlappingClassesAreNotSeparatedEvenWithExtremeFittedProbabilities()
    {
        // A heavy-tailed column pushes some fitted probabilities to within 1e-15 of 0 or 1, but a
        // positive and a negative row share the largest values: no direction separates.
        var rows = new List<double[]>();
        var labels = new List<double>();
        var rng = new Random(4);
        for (int i = 0; i < 200; i++)
        {
            double x = Math.Exp(rng.NextDouble() * 8);
            rows.Add(new[] { x });
            labels.Add(rng.NextDouble() < 1 / (1 + Math.Exp(-(x / 300 - 2))) ? 1 : 0);
        }
        rows.Add(new[] { 5000.0 });
        labels.Add(0);
        rows.Add(new[] { 1.0 });
        labels.Add(1);
        var result = SeparationCheck.Run(new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray()), new[] { 0 });
        Assert.False(result.Separated);
        Assert.Equal(0, result.Optimum);
    }

    [Fact]
    public void TheSimplexSolvesASmallTextbookProblem()
    {
        // Chvátal's first example: max 5x₁ + 4x₂ + 3x₃ s.t. 2x₁+3x₂+x₃ ≤ 5, 4x₁+x₂+2x₃ ≤ 11, 3x₁+4x₂+2x₃ ≤ 8: z* = 13.
        var d = new double[,] { { -2, -3, -1 }, { -4, -1, -2 }, { -3, -4, -2 } };
        var lp = new DictionarySimplex(d, new[] { 5.0, 11, 8 }, new[] { 5.0, 4, 3 });
        Assert.True(lp.Solve(100));
        Assert.Equal(13, lp.Optimum, 12);
        Assert.Equal(2, lp.ValueOf(0), 12);
        Assert.Equal(0, lp.ValueOf(1), 12);
        Assert.Equal(1, lp.ValueOf(2), 12);
    }
}
