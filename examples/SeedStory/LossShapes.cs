using System.Globalization;
using LogReg.Core.Diagnostics;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>
/// Story 2 (seed 1.3–1.7, figures 4, 6, 12): BCE and MSE against ŷ for y = 1 and y = 0, and each
/// loss's landscape over (w, b) on the tiny data set: MSE flat and non-convex, BCE a bowl.
/// </summary>
public static class LossShapes
{
    public sealed record Result(double BceAtConfidentMistake, double MseAtConfidentMistake, double[,] BceLandscape, double[,] MseLandscape, IReadOnlyList<string> Images);

    public static Result Run(string outDir, TextWriter output)
    {
        var images = new List<string>();
        var bce = new BinaryCrossEntropyLoss();
        var mse = new SquaredErrorOnSigmoidLoss();
        var yHat = Charts.Range(0.001, 0.999, 400);
        foreach (double y in new[] { 1.0, 0.0 })
        {
            var z = yHat.Select(p => Math.Log(p / (1 - p))).ToArray(); // the margin that gives ŷ
            var plot = new Plot();
            plot.Add.ScatterLine(yHat, z.Select(v => bce.Value(y, v)).ToArray()).LegendText = "BCE  −y·ln ŷ − (1−y)·ln(1−ŷ)";
            plot.Add.ScatterLine(yHat, z.Select(v => mse.Value(y, v)).ToArray()).LegendText = "MSE  (ŷ − y)²";
            plot.Title(string.Create(CultureInfo.InvariantCulture, $"Loss of one example with label y = {y:0}"));
            plot.XLabel("predicted probability ŷ");
            plot.YLabel("loss");
            plot.ShowLegend();
            images.Add(Charts.Save(plot, outDir, $"losses_y{y:0}.png"));
        }
        double zMistake = Math.Log(0.001 / 0.999);
        double bceMistake = bce.Value(1, zMistake);
        double mseMistake = mse.Value(1, zMistake);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A confident mistake (y = 1, ŷ = 0.001): BCE = {bceMistake:F3}, MSE = {mseMistake:F3} — MSE barely punishes it (seed 1.7)."));

        var data = TinyData.Set();
        var ws = Charts.Range(-4, 6, 81);
        var bs = Charts.Range(-16, 8, 81);
        var landscapes = new List<double[,]>();
        foreach (var (loss, name, file) in new[] { (LossKind.BinaryCrossEntropy, "BCE", "landscape_bce.png"), (LossKind.MeanSquaredError, "MSE", "landscape_mse.png") })
        {
            var objective = ObjectiveFactory.Create(data, loss);
            var values = ObjectiveDiagnostics.LossSlice(objective, new[] { 0.0, 0.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, ws, bs);
            landscapes.Add(values);
            var plot = new Plot();
            Charts.Heatmap(plot, ws, bs, values, name + " summed over 20 rows");
            plot.Title($"{name} loss landscape over (w, b)");
            plot.XLabel("weight w");
            plot.YLabel("bias b");
            images.Add(Charts.Save(plot, outDir, file));
        }
        output.WriteLine("Landscapes: BCE is a bowl; MSE has flat plateaus where every prediction is confidently wrong or right.");
        return new Result(bceMistake, mseMistake, landscapes[0], landscapes[1], images);
    }
}
