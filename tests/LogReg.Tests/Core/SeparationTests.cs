using LogReg.Core.Data;
using LogReg.Core.Separation;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// Separation verdicts against scipy's HiGHS on the same programs (Reference/*.separation.json), and every
/// reported direction re-checked here from the raw data: its margins must be ≥ 0 on every row and &gt; 0 on
/// exactly the rows the result calls separated.
/// </summary>
public class SeparationTests
{
    public static TheoryData<string> Sets() => new() { "spector", "breast_cancer_wdbc", "endometrial", "housevotes84_blank", "unix_times" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void TheVerdictMatchesHighsAndTheDirectionSeparates(string name)
    {
        var reference = ReferenceData.Get(name);
        var data = reference.Dense();
        var result = SeparationCheck.Run(data);
        bool expected = reference.Separation.GetProperty("separation").GetBoolean();
        Assert.True(result.Checked, result.Reason);
        Assert.Equal(expected, result.Separated);
        if (!expected)
        {
            // The dual certificate bounds Konis's optimum from above; HiGHS found 0.
            Assert.InRange(result.OptimumBound, 0, 1e-7);
            Assert.Empty(result.Direction);
            return;
        }
        if (reference.Separation.TryGetProperty("complete", out var complete))
        {
            Assert.Equal(complete.GetBoolean(), result.Complete);
        }
        SeparationAssert.DirectionSeparates(data, result);
        // A feasible point's objective is a lower bound of the optimum HiGHS found.
        Assert.InRange(result.OptimumBound, 1e-7, reference.Separation.GetProperty("optimum").GetDouble() * (1 + 1e-6));
    }

    [Fact]
    public void HouseVotesWithBlankLevelsIsCompletelySeparatedWithHighsMinimumMargin()
    {
        // The case: the old simplex said "no separation" here (and "separated" with rows reversed).
        var reference = ReferenceData.Get("housevotes84_blank");
        var result = SeparationCheck.Run(reference.Dense());
        Assert.True(result.Complete);
        Assert.Equal(435, result.SeparatedRows);
        // HiGHS's minimum-margin LP: t* = 0.05 with |β| ≤ 1; ours is a feasible point of the same LP, rescaled.
        Assert.True(result.MinimumMargin >= reference.Separation.GetProperty("minimum_margin").GetDouble() * (1 - 1e-9));
    }

    [Fact]
    public void EndometrialIsQuasiSeparatedByNVAlone()
    {
        var data = ReferenceData.Endometrial.Dense();
        var result = SeparationCheck.Run(data);
        Assert.True(result.Separated);
        Assert.False(result.Complete);
        Assert.Equal(new[] { "NV" }, result.Direction.Keys);
        // NV = 1 on 13 rows, all high grade: those are separated, the other 66 lie on the boundary.
        Assert.Equal(data.Labels.Where((y, i) => ReferenceData.Endometrial.Rows[i][0] == 1).Count(), result.SeparatedRows);
        SeparationAssert.DirectionSeparates(data, result);
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
        var result = SeparationCheck.Run(new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray()));
        Assert.True(result.Checked);
        Assert.False(result.Separated);
        Assert.InRange(result.OptimumBound, 0, 1e-7);
    }

    [Theory]
    // x: negatives 1, 2, 3; positives 4, 5, 6 — complete.
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6 }, new[] { 0.0, 0, 0, 1, 1, 1 }, true, true, 6)]
    // A tie at 3 with both labels: quasi-complete, the two tied rows on the boundary.
    [InlineData(new[] { 1.0, 2, 3, 3, 5, 6 }, new[] { 0.0, 0, 0, 1, 1, 1 }, true, false, 4)]
    // One positive among the negatives: overlap, the estimate exists.
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 1.5 }, new[] { 0.0, 0, 0, 1, 1, 1, 1 }, false, false, 0)]
    // A constant feature: only the intercept could separate, and both classes are present.
    [InlineData(new[] { 7.0, 7, 7, 7 }, new[] { 0.0, 1, 0, 1 }, false, false, 0)]
    public void OneFeatureCases(double[] x, double[] y, bool separated, bool complete, int strictRows)
    {
        var data = new TrainingSet(DenseMatrix.FromRows(x.Select(v => new[] { v }).ToArray()), y);
        var result = SeparationCheck.Run(data);
        Assert.True(result.Checked);
        Assert.Equal(separated, result.Separated);
        Assert.Equal(complete, result.Complete);
        Assert.Equal(strictRows, result.SeparatedRows);
        if (separated)
        {
            SeparationAssert.DirectionSeparates(data, result);
        }
    }

    // Rows of uniform values in (−½, ½), in general position, labelled 0, 1, 0, 1, ….
    private static (double[][] Rows, double[] Labels) RandomRows(int seed, int count, int columns)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, columns).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        return (rows, Enumerable.Range(0, count).Select(i => (double)(i % 2)).ToArray());
    }

    [Fact]
    public void FewerRowsThanColumnsInGeneralPositionAreCompletelySeparated()
    {
        var (rows, labels) = RandomRows(seed: 11, count: 40, columns: 60);
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        var result = SeparationCheck.Run(data);
        Assert.True(result.Complete);
        SeparationAssert.DirectionSeparates(data, result);
    }

    [Fact]
    public void FewerRowsThanColumnsBeyondTheWorkBoundAreProvedSeparatedFromTheRows()
    {
        // 20 rows × 2,500 columns: (n + k/3)·k² = 5.3e9 multiply-adds an interior-point iteration, above the bound; the
        // rows are independent, so the direction through their span separates them all (it had been "not checked").
        var (rows, labels) = RandomRows(seed: 12, count: 20, columns: 2500);
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        var result = SeparationCheck.Run(data);
        Assert.True(result.Checked, result.Reason);
        Assert.True(result.Complete);
        Assert.Equal(20, result.SeparatedRows);
        SeparationAssert.DirectionSeparates(data, result);
        // Rows repeated with their labels: still completely separated (one copy of each is enough to find the direction).
        var repeated = rows.Concat(rows.Take(5)).ToArray();
        var withRepeats = new TrainingSet(DenseMatrix.FromRows(repeated), labels.Concat(labels.Take(5)).ToArray());
        var again = SeparationCheck.Run(withRepeats);
        Assert.True(again.Complete, again.Reason);
        SeparationAssert.DirectionSeparates(withRepeats, again);
        // A row repeated with the other label: no direction separates them, and none is claimed.
        rows[19] = rows[0];
        labels[19] = 1 - labels[0];
        var overlapping = SeparationCheck.Run(new TrainingSet(DenseMatrix.FromRows(rows), labels));
        Assert.False(overlapping.Checked);
        Assert.Contains("too large", overlapping.Reason);
    }

    [Fact]
    public void ASeparationWhoseCompletenessIsOnTheThresholdIsProvedWithCompletenessUnknown()
    {
        // Complete at x = 0, but the two rows at ±2e-7 have margin 2e-7/298 ≈ 6.7e-10 on the scaled column: below the
        // strictness threshold, while no dual certificate can hold them on the boundary either.
        var x = Enumerable.Range(0, 100).Select(i => (1 + 3.0 * i) * (i % 2 == 1 ? 1 : -1)).Concat(new[] { 2e-7, -2e-7 }).ToArray();
        var data = new TrainingSet(DenseMatrix.FromRows(x.Select(v => new[] { v }).ToArray()), x.Select(v => v > 0 ? 1.0 : 0).ToArray());
        var result = SeparationCheck.Run(data);
        Assert.True(result.Checked);
        Assert.True(result.Separated);
        Assert.Null(result.Complete);
        Assert.Equal(100, result.SeparatedRows);
        SeparationAssert.DirectionSeparates(data, result);
        Assert.Contains("whether the separation is complete lies on the numerical threshold", result.Describe());
        Assert.StartsWith("The data are separated by 'x0'", result.Describe());
    }

    [Fact]
    public void RowsWithZeroWeightAreLeftOut()
    {
        // Separated at x = 3.5 except for one overlapping row, which carries no weight.
        var x = new[] { 1.0, 2, 3, 4, 5, 6, 1.5 };
        var y = new[] { 0.0, 0, 0, 1, 1, 1, 1 };
        var weights = new[] { 1.0, 2, 1, 0.5, 1, 1, 0 };
        var result = SeparationCheck.Run(new TrainingSet(DenseMatrix.FromRows(x.Select(v => new[] { v }).ToArray()), y, weights));
        Assert.True(result.Complete);
        Assert.Equal(6, result.SeparatedRows);
    }

    [Fact]
    public void AProblemBeyondTheWorkBoundIsNotCheckedWithTheReason()
    {
        // 3,000 columns: (n + k/3)·k² is far above the bound; the rows (five distinct ones, each with both labels) are
        // dependent, so the row-space proof finds nothing either; nothing thrown.
        var rows = Enumerable.Range(0, 600).Select(i => Enumerable.Range(0, 3000).Select(j => (double)((i * 7 + j) % 5)).ToArray()).ToArray();
        var data = new TrainingSet(DenseMatrix.FromRows(rows), Enumerable.Range(0, 600).Select(i => (double)(i % 2)).ToArray());
        var result = SeparationCheck.Run(data);
        Assert.False(result.Checked);
        Assert.False(result.Separated);
        Assert.Contains("too large", result.Reason);
    }

    [Fact]
    public void ExactlyAndNumericallyDependentColumnsDoNotStopAVerdict()
    {
        // x4 duplicates x1; x2 = x0 − x3 computed in double, so as floats it differs from the combination by ~1e-7.
        var rng = new Random(3);
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (int i = 0; i < 150; i++)
        {
            double x0 = rng.NextDouble() * 4 - 2, x1 = rng.NextDouble() - 0.5, x3 = rng.NextDouble() * 6 - 3;
            rows.Add(new[] { x0, x1, x0 - x3, x3, x1 });
            labels.Add(rng.NextDouble() < 1 / (1 + Math.Exp(-(x0 + 2 * x1))) ? 1 : 0);
        }
        var order = Enumerable.Range(0, rows.Count).ToArray();
        foreach (var permutation in new[] { order, order.Reverse().ToArray(), order.OrderBy(_ => rng.Next()).ToArray() })
        {
            var data = new TrainingSet(DenseMatrix.FromRows(permutation.Select(i => rows[i]).ToArray()), permutation.Select(i => labels[i]).ToArray());
            var result = SeparationCheck.Run(data);
            Assert.True(result.Checked, result.Reason);
            Assert.False(result.Separated);
        }
    }

    [Fact]
    public void AColumnThatDiffersFromAnotherInOneRowIsNotTakenForADuplicate()
    {
        // x1 = x0 on every row but one (5 against 6, on a column scaled by 4·10⁶): the direction x1 − x0 puts that row
        // strictly on its side and leaves the others on the boundary — Konis's optimum is 2.5e-7, separation (HiGHS agrees).
        var rng = new Random(5);
        var rows = new List<double[]> { new[] { 5.0, 6.0 } };
        var labels = new List<double> { 1 };
        for (int i = 0; i < 60; i++)
        {
            double x = Math.Round(rng.NextDouble() * 4e6);
            rows.Add(new[] { x, x });
            rows.Add(new[] { x, x });
            labels.Add(0);
            labels.Add(1);
        }
        rows.Add(new[] { 4e6, 4e6 });
        labels.Add(0);
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), null, new[] { "x0", "x1" });
        var result = SeparationCheck.Run(data);
        Assert.True(result.Checked, result.Reason);
        Assert.True(result.Separated);
        Assert.False(result.Complete);
        Assert.Equal(1, result.SeparatedRows);
        Assert.Empty(result.SetAside);
        SeparationAssert.DirectionSeparates(data, result);
    }
}
