using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Separation;
using LogReg.Core.Statistics;
using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// "Not separated" proved from a fit's probabilities (the certificate the statistics use before the interior-point
/// check): on data HiGHS finds overlapping it proves the same verdict the full check does; on separated data it proves
/// nothing, whatever margins it is given — the certificate is checked, not trusted.
/// </summary>
public class FittedOverlapTests
{
    public static TheoryData<string> Sets() => new() { "spector", "breast_cancer_wdbc", "endometrial", "housevotes84_blank", "unix_times" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void ACappedMaximumLikelihoodFitProvesOverlapExactlyWhereHighsFindsIt(string name)
    {
        var reference = ReferenceData.Get(name);
        var data = reference.Dense();
        bool separated = reference.Separation.GetProperty("separation").GetBoolean();
        var fit = StatisticsCalculator.FitOnShiftedColumns(data, StatisticsCalculator.MaximumLikelihoodOptions with { MaximumNumberOfIterations = StatisticsCalculator.SeparatedIterationCap });
        var result = FittedOverlap.Prove(data, Margins(data, fit.Model.ToParameters()), threads: 2);
        if (separated)
        {
            Assert.Null(result);
            return;
        }
        Assert.NotNull(result);
        Assert.True(result.Checked);
        Assert.False(result.Separated);
        Assert.InRange(result.OptimumBound, 0, 1e-7);
        Assert.Equal(data.RowCount, result.BoundaryRows);
        var full = SeparationCheck.Run(data);
        Assert.Equal((full.Checked, full.Separated, full.Complete, full.SeparatedRows), (result.Checked, result.Separated, result.Complete, result.SeparatedRows));
    }

    [Theory]
    [InlineData(300, 3)]
    [InlineData(20000, 12)]
    public void OnGeneratedOverlappingDataTheFitsProofIsTheFullChecksVerdict(int n, int d)
    {
        // Gaussian features (one of them far from 0, as a Unix time is), a 0/1 column, labels drawn from a logistic model.
        var rng = new Random(n + d);
        var truth = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var rows = new double[n][];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, d).Select(j => j == d - 1 ? (rng.NextDouble() < 0.3 ? 1.0 : 0.0) : 3 * (rng.NextDouble() - 0.5)).ToArray();
            rows[i][0] += 1e6;
            double z = rows[i].Select((x, j) => (j == 0 ? x - 1e6 : x) * truth[j]).Sum();
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels, null, null);
        var fit = StatisticsCalculator.FitOnShiftedColumns(data, StatisticsCalculator.MaximumLikelihoodOptions);
        Assert.True(fit.Report.Optimization.Converged);
        var result = FittedOverlap.Prove(data, Margins(data, fit.Model.ToParameters()), threads: 2);
        Assert.NotNull(result);
        Assert.InRange(result.OptimumBound, 0, 1e-7);
        var full = SeparationCheck.Run(data);
        Assert.True(full.Checked, full.Reason);
        Assert.False(full.Separated);
    }

    [Fact]
    public void FittedProbabilitiesWithinRoundingOfZeroOrOneStillProveOverlap()
    {
        // A steep effect fits the rows far out with probabilities within 1e-15 of 0 or 1 (their multipliers that small);
        // rows near 0 overlap, so the estimate exists. The floor and the projection carry the proof.
        var rng = new Random(4);
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (int i = 0; i < 500; i++)
        {
            double x = 20 * rng.NextDouble() - 10;
            rows.Add([x, rng.NextDouble()]);
            labels.Add(rng.NextDouble() < 1 / (1 + Math.Exp(-4 * x)) ? 1 : 0);
        }
        rows.Add([0.5, 0.5]);
        labels.Add(0);
        rows.Add([-0.5, 0.5]);
        labels.Add(1);
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray());
        var fit = StatisticsCalculator.FitOnShiftedColumns(data, StatisticsCalculator.MaximumLikelihoodOptions);
        var margins = Margins(data, fit.Model.ToParameters());
        Assert.True(margins.Max(Math.Abs) > 30, $"largest |margin| {margins.Max(Math.Abs)}");
        var result = FittedOverlap.Prove(data, margins, threads: 1);
        Assert.NotNull(result);
        Assert.False(result.Separated);
        Assert.InRange(result.OptimumBound, 0, 1e-7);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void ArbitraryMarginsNeverProveOverlapOnSeparatedData(string name)
    {
        var reference = ReferenceData.Get(name);
        if (!reference.Separation.GetProperty("separation").GetBoolean())
        {
            return;
        }
        var data = reference.Dense();
        var rng = new Random(3);
        var margins = new[]
        {
            new double[data.RowCount],
            Enumerable.Range(0, data.RowCount).Select(_ => 4 * rng.NextDouble() - 2).ToArray(),
            // Each row's margin on the wrong side: every multiplier near its largest.
            data.Labels.Select(y => y == 1 ? -3.0 : 3.0).ToArray(),
        };
        foreach (var m in margins)
        {
            Assert.Null(FittedOverlap.Prove(data, m, threads: 1));
        }
    }

    [Fact]
    public void RowsWithZeroWeightTakeNoPartAndFarFromTheOptimumNothingIsClaimedWrongly()
    {
        var spector = ReferenceData.Spector.Dense();
        // Spector's rows, then copies of its first row with the opposite label and zero weight: the verdict is the
        // weighted rows' (the extra rows would not change it anyway) and they are not counted on the boundary.
        int n = spector.RowCount, extra = 5;
        var rows = Enumerable.Range(0, n + extra).Select(i => new double[spector.FeatureCount]).ToArray();
        for (int i = 0; i < n + extra; i++)
        {
            spector.Features.CopyRow(i < n ? i : 0, rows[i]);
        }
        var labels = spector.Labels.Concat(Enumerable.Repeat(1 - spector.Labels[0], extra)).ToArray();
        var weights = Enumerable.Repeat(1.0, n).Concat(Enumerable.Repeat(0.0, extra)).ToArray();
        var data = new TrainingSet(DenseMatrix.FromRows(rows), labels, weights, spector.FeatureNames);
        var fit = StatisticsCalculator.FitOnShiftedColumns(data, StatisticsCalculator.MaximumLikelihoodOptions);
        var result = FittedOverlap.Prove(data, Margins(data, fit.Model.ToParameters()), threads: 1);
        Assert.NotNull(result);
        Assert.Equal(n, result.BoundaryRows);
        Assert.Null(FittedOverlap.Prove(data, new double[n], threads: 1)); // a margin per row, or nothing
    }

    private static double[] Margins(TrainingSet data, double[] theta) =>
        ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, 0).Margins(theta);
}
