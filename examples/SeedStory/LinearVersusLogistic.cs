using System.Globalization;
using LogReg.Core.Numerics;
using LogReg.Core.Training;
using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>
/// Story 5 (seed 1.1): a straight line fitted by least squares to 0/1 outcomes leaves [0, 1]; the
/// logistic fit (the library's Newton solver) stays a probability.
/// </summary>
public static class LinearVersusLogistic
{
    public sealed record Result(double LinearSlope, double LinearIntercept, double LinearMin, double LinearMax, double LogisticWeight, double LogisticBias, IReadOnlyList<string> Images);

    public static Result Run(string outDir, TextWriter output)
    {
        var x = TinyData.Hours;
        var y = TinyData.Passed;
        // Least squares through the normal equations [n Σx; Σx Σx²]·(b, a) = (Σy, Σxy), solved by Cholesky.
        double n = x.Length, sx = x.Sum(), sxx = x.Sum(v => v * v), sy = y.Sum(), sxy = x.Zip(y, (a, b) => a * b).Sum();
        var l = DenseLinearAlgebra.Cholesky(new[] { n, sx, sx, sxx }, 2)!;
        var solution = new[] { sy, sxy };
        DenseLinearAlgebra.CholeskySolve(l, 2, solution);
        double intercept = solution[0], slope = solution[1];
        var logistic = LogisticRegressionTrainer.Train(TinyData.Set(), new TrainerOptions { L2Regularization = 0, Optimizer = OptimizerKind.Newton }).Model;
        var grid = Charts.Range(0, 7, 200);
        var linear = grid.Select(h => intercept + slope * h).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Least squares: ŷ = {intercept:F3} + {slope:F3}·x, which ranges over [{linear.Min():F3}, {linear.Max():F3}] for x in [0, 7] — not a probability."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Logistic: ŷ = σ({logistic.Weights[0]:F3}·x + {logistic.Bias:F3}), always in (0, 1)."));
        var plot = new Plot();
        plot.Add.ScatterPoints(x, y).LegendText = "students (1 = passed)";
        plot.Add.ScatterLine(grid, linear).LegendText = "linear regression";
        plot.Add.ScatterLine(grid, grid.Select(h => StableMath.Sigmoid(logistic.Weights[0] * h + logistic.Bias)).ToArray()).LegendText = "logistic regression";
        plot.Add.HorizontalLine(0).LinePattern = LinePattern.Dotted;
        plot.Add.HorizontalLine(1).LinePattern = LinePattern.Dotted;
        plot.Title("A straight line leaves [0, 1]; the sigmoid does not");
        plot.XLabel("hours studied");
        plot.YLabel("prediction");
        plot.ShowLegend();
        return new Result(slope, intercept, linear.Min(), linear.Max(), logistic.Weights[0], logistic.Bias,
            new[] { Charts.Save(plot, outDir, "linear_vs_logistic.png") });
    }
}
