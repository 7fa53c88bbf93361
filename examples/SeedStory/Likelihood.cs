using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Training;
using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>
/// Story 4 (seed 3.3–3.4): why the log-likelihood. The probabilities a model gives the true labels
/// of breast-cancer rows, multiplied together, underflow to exactly 0 after a few thousand rows;
/// the sum of their logarithms stays an ordinary number.
/// </summary>
public static class Likelihood
{
    public sealed record Result(int UnderflowRow, double SumOfLogsAtEnd, int Rows, IReadOnlyList<string> Images);

    public static Result Run(string outDir, TextWriter output)
    {
        var (data, _) = BreastCancer.Load();
        var model = LogisticRegressionTrainer.Train(data, new TrainerOptions { L2Regularization = 1 }).Model;
        var row = new double[data.FeatureCount];
        var pTrue = new double[data.RowCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, row);
            double p = model.Probability(row);
            pTrue[i] = data.Labels[i] == 1 ? p : 1 - p;
        }
        const int rows = 20_000;
        var rng = new Random(7);
        double product = 1, sumLogs = 0;
        int underflow = -1;
        var n = new List<double>();
        var productLog10 = new List<double>();
        var sumLog10 = new List<double>();
        for (int k = 1; k <= rows; k++)
        {
            double p = pTrue[rng.Next(pTrue.Length)]; // rows drawn with replacement
            product *= p;
            sumLogs += Math.Log(p);
            if (product == 0 && underflow < 0)
            {
                underflow = k;
            }
            if (k % 50 == 0)
            {
                n.Add(k);
                productLog10.Add(product > 0 ? Math.Log10(product) : double.NaN);
                sumLog10.Add(sumLogs / Math.Log(10));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Product of p(true label): exactly 0 from row {underflow} on; sum of ln p after {rows} rows = {sumLogs:F2} (a perfectly usable number)."));
        var plot = new Plot();
        int alive = productLog10.FindIndex(double.IsNaN);
        alive = alive < 0 ? productLog10.Count : alive;
        plot.Add.ScatterLine(n.Take(alive).ToArray(), productLog10.Take(alive).ToArray()).LegendText = "log10 of the computed product Π p (ends where it underflows to 0)";
        var s = plot.Add.ScatterLine(n.ToArray(), sumLog10.ToArray());
        s.LegendText = "Σ ln p / ln 10";
        s.LinePattern = LinePattern.Dashed;
        plot.Add.VerticalLine(underflow);
        plot.Title("The likelihood underflows; the log-likelihood does not");
        plot.XLabel("rows multiplied");
        plot.YLabel("log10 likelihood");
        plot.ShowLegend();
        return new Result(underflow, sumLogs, rows, new[] { Charts.Save(plot, outDir, "likelihood_underflow.png") });
    }
}
