using System.Globalization;
using LogReg.Core.Diagnostics;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>
/// Story 3 (seed 1.6, 2.1): the smallest Hessian eigenvalue of BCE and of MSE at 300 random points
/// of (w, b): never negative for BCE (convex), often negative for MSE (not convex).
/// </summary>
public static class Convexity
{
    public sealed record Result(int Points, int BceNegative, int MseNegative, double[] BceMin, double[] MseMin, IReadOnlyList<string> Images);

    public static Result Run(string outDir, TextWriter output)
    {
        const int points = 300;
        var data = TinyData.Set();
        var bce = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy);
        var mse = ObjectiveFactory.Create(data, LossKind.MeanSquaredError);
        var rng = new Random(2024);
        var bceMin = new double[points];
        var mseMin = new double[points];
        int bceNegative = 0, mseNegative = 0;
        for (int k = 0; k < points; k++)
        {
            var theta = new[] { rng.NextDouble() * 8 - 3, rng.NextDouble() * 20 - 12 };
            var b = ObjectiveDiagnostics.CheckConvexity(bce, theta);
            var m = ObjectiveDiagnostics.CheckConvexity(mse, theta);
            bceMin[k] = b.Min;
            mseMin[k] = m.Min;
            bceNegative += b.NegativeCount > 0 ? 1 : 0;
            mseNegative += m.NegativeCount > 0 ? 1 : 0;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"At {points} random points: the BCE Hessian had a negative eigenvalue at {bceNegative}, the MSE Hessian at {mseNegative}."));
        static double SymLog(double v) => Math.Sign(v) * Math.Log10(1 + Math.Abs(v));
        var plot = new Plot();
        var xs = Enumerable.Range(0, points).Select(i => (double)i).ToArray();
        plot.Add.ScatterPoints(xs, bceMin.Select(SymLog).ToArray()).LegendText = "BCE";
        plot.Add.ScatterPoints(xs, mseMin.Select(SymLog).ToArray()).LegendText = "MSE";
        plot.Add.HorizontalLine(0);
        plot.Title("Smallest Hessian eigenvalue at random (w, b)");
        plot.XLabel("random point");
        plot.YLabel("sign(λmin)·log10(1 + |λmin|)");
        plot.ShowLegend();
        var images = new List<string> { Charts.Save(plot, outDir, "convexity_eigenvalues.png") };
        return new Result(points, bceNegative, mseNegative, bceMin, mseMin, images);
    }
}
