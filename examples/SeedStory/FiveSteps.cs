using System.Globalization;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>
/// Story 1 (seed 1.2): the training loop in five visible steps on the tiny data set — initialise,
/// forward (z, σ), loss, gradient, update — printed for the first iterations, run to convergence,
/// and checked against the library's Newton solver.
/// </summary>
public static class FiveSteps
{
    public sealed record Result(double Weight, double Bias, double NewtonWeight, double NewtonBias, int Iterations, double[] Losses, IReadOnlyList<string> Images);

    public static Result Run(string outDir, TextWriter output)
    {
        var x = TinyData.Hours;
        var y = TinyData.Passed;
        var loss = new BinaryCrossEntropyLoss();
        int n = x.Length;
        // A safe fixed step: 1/L with L = ¼·λmax(X̃ᵀX̃) ≤ ¼·Σ(xᵢ² + 1), the curvature bound of the summed BCE.
        double learningRate = 1.0 / (0.25 * x.Sum(v => v * v + 1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} students; BCE summed over rows, no penalty; learning rate η = {learningRate:G4}."));

        // Step 1: initialise.
        double w = 0, b = 0;
        output.WriteLine("Step 1  initialise: w = 0, b = 0");
        var losses = new List<double>();
        int iteration = 0;
        var gradientCheck = new double[2];
        var objective = ObjectiveFactory.Create(TinyData.Set(), LossKind.BinaryCrossEntropy);
        for (; iteration < 200_000; iteration++)
        {
            // Step 2: forward — z = w·x + b, ŷ = σ(z).
            var z = new double[n];
            var p = new double[n];
            for (int i = 0; i < n; i++)
            {
                z[i] = w * x[i] + b;
                p[i] = StableMath.Sigmoid(z[i]);
            }
            // Step 3: the loss L = Σ −y ln ŷ − (1 − y) ln(1 − ŷ).
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                total += loss.Value(y[i], z[i]);
            }
            // Step 4: the gradient ∂L/∂w = Σ xᵢ(ŷᵢ − yᵢ), ∂L/∂b = Σ (ŷᵢ − yᵢ).
            double dw = 0, db = 0;
            for (int i = 0; i < n; i++)
            {
                double r = loss.Derivative(y[i], z[i]); // = ŷᵢ − yᵢ
                dw += x[i] * r;
                db += r;
            }
            losses.Add(total);
            if (iteration < 3)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iteration {iteration + 1}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Step 2  forward: z = {w:F4}·x + {b:F4}; first rows z = {string.Join(", ", z.Take(4).Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}, ŷ = {string.Join(", ", p.Take(4).Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))} …"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Step 3  loss: L = {total:F6}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Step 4  gradient: ∂L/∂w = {dw:F6}, ∂L/∂b = {db:F6}"));
                objective.SmoothValueAndGradient(new[] { w, b }, gradientCheck);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          (the library's objective gives {gradientCheck[0]:F6}, {gradientCheck[1]:F6})"));
            }
            if (Math.Max(Math.Abs(dw), Math.Abs(db)) < 1e-9)
            {
                break;
            }
            // Step 5: update.
            w -= learningRate * dw;
            b -= learningRate * db;
            if (iteration < 3)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Step 5  update: w = {w:F6}, b = {b:F6}"));
            }
        }
        var (newton, newtonReport) = LogisticRegressionTrainer.Train(TinyData.Set(), new TrainerOptions { Optimizer = OptimizerKind.Newton, L2Regularization = 0, OptimizationTolerance = 1e-12 });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after {iteration} iterations: w = {w:F6}, b = {b:F6}; the library's Newton solver: w = {newton.Weights[0]:F6}, b = {newton.Bias:F6} ({newtonReport.Optimization.Iterations} iterations)."));

        var images = new List<string>();
        var plot = new Plot();
        double best = newtonReport.Optimization.Objective;
        var its = Enumerable.Range(1, losses.Count).Select(i => (double)i).ToArray();
        var gap = losses.Select(l => Math.Log10(Math.Max(l - best, 1e-16))).ToArray();
        plot.Add.ScatterLine(its, gap).LegendText = "log10(L − L*)";
        plot.Title("Gradient descent, five steps per iteration");
        plot.XLabel("iteration");
        plot.YLabel("log10(loss − optimum)");
        images.Add(Charts.Save(plot, outDir, "five_steps_convergence.png"));

        var fit = new Plot();
        var pts = fit.Add.ScatterPoints(x, y);
        pts.LegendText = "students (1 = passed)";
        var grid = Charts.Range(0, 6, 200);
        fit.Add.ScatterLine(grid, grid.Select(h => StableMath.Sigmoid(w * h + b)).ToArray()).LegendText = "σ(w·x + b) after gradient descent";
        fit.Title("Fitted probability of passing");
        fit.XLabel("hours studied");
        fit.YLabel("probability");
        fit.ShowLegend();
        images.Add(Charts.Save(fit, outDir, "five_steps_fit.png"));
        return new Result(w, b, newton.Weights[0], newton.Bias, iteration, losses.ToArray(), images);
    }
}
