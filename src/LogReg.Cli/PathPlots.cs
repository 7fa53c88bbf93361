using System.Globalization;
using LogReg.Core.Paths;
using ScottPlot;
using NonZeros = (System.Collections.Generic.IReadOnlyList<int> Features, System.Collections.Generic.IReadOnlyList<double> Values);

namespace LogReg.Cli;

/// <summary>
/// The two figures of a cross-validated path, as R's <c>plot(glmnet)</c> and <c>plot(cv.glmnet)</c> draw them: each
/// coefficient against log λ (the features that ever enter, labelled), and the curve's mean ± one standard error against
/// log λ with lambda.min and lambda.1se marked — each as PNG and SVG.
/// </summary>
internal static class PathPlots
{
    private const int Width = 900;
    private const int Height = 600;
    private const int MaxLabelled = 12;

    /// <summary>Writes coefficient-path.png/.svg and cv-curve.png/.svg into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, CrossValidatedPath<RegularizationPath> cv, IReadOnlyList<string> names) =>
        Write(directory, cv, names, [("coefficient-path", "Coefficient path", Enumerable.Range(0, cv.Path.Lambdas.Count).Select(cv.Path.Coefficients.NonZeroAt).ToArray())]);

    /// <summary>
    /// The softmax path's figures: one coefficient path per class (coefficient-path-K-CLASS.png/.svg, as
    /// <c>plot(glmnet)</c> draws one per class) and cv-curve.png/.svg; returns their paths.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, CrossValidatedPath<MultinomialRegularizationPath> cv, IReadOnlyList<string> names,
        IReadOnlyList<string> classes) =>
        Write(directory, cv, names, classes.Select((c, k) => ($"coefficient-path-{k + 1}-{FileSafe(c)}", $"Class {c}: coefficient path",
            Enumerable.Range(0, cv.Path.Lambdas.Count).Select(m => cv.Path.Coefficients.NonZeroAt(m, k)).ToArray())).ToArray());

    private static List<string> Write<TPath>(string directory, CrossValidatedPath<TPath> cv, IReadOnlyList<string> names,
        IReadOnlyList<(string Stem, string Title, NonZeros[] Coefficients)> panels) where TPath : IRegularizationPath
    {
        Directory.CreateDirectory(directory);
        var logLambda = cv.Path.Lambdas.Select(l => Math.Log(l)).ToArray();
        var files = new List<string>();
        foreach (var (stem, title, coefficients) in panels)
        {
            files.AddRange(Save(Coefficients(coefficients, cv.ChosenLambda, title, names, logLambda), Path.Combine(directory, stem)));
        }
        files.AddRange(Save(Curve(cv, logLambda), Path.Combine(directory, "cv-curve")));
        return files;
    }

    private static string FileSafe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40).ToArray());

    // Each point's non-zero coefficients: on text, a few hundred features of 10⁵ or more.
    private static Plot Coefficients(NonZeros[] coefficients, double chosenLambda, string title, IReadOnlyList<string> names, double[] logLambda)
    {
        var plot = new Plot();
        // Features that ever enter, the largest at the path's end labelled in the legend.
        var entered = coefficients.SelectMany(c => c.Features).Distinct().OrderByDescending(j => Math.Abs(ValueAt(coefficients[^1], j))).ThenBy(j => j).ToArray();
        foreach (var (j, rank) in entered.Select((j, r) => (j, r)))
        {
            var line = plot.Add.ScatterLine(logLambda, coefficients.Select(c => ValueAt(c, j)).ToArray());
            if (rank < MaxLabelled)
            {
                line.LegendText = names[j];
            }
        }
        plot.Add.VerticalLine(Math.Log(chosenLambda), 1, Colors.Gray, LinePattern.Dashed);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title} ({entered.Length} features enter; dashed: chosen λ)"));
        plot.XLabel("log λ");
        plot.YLabel("coefficient (features' own scale)");
        // Outside the frame: inside, the box covered the largest curves.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static double ValueAt(NonZeros point, int feature)
    {
        int at = point.Features is int[] sorted ? Array.BinarySearch(sorted, feature) : point.Features.ToList().BinarySearch(feature);
        return at >= 0 ? point.Values[at] : 0;
    }

    private static Plot Curve<TPath>(CrossValidatedPath<TPath> cv, double[] logLambda) where TPath : IRegularizationPath
    {
        var plot = new Plot();
        var mean = cv.Mean.ToArray();
        var error = cv.StandardError.ToArray();
        var bars = plot.Add.ErrorBar(logLambda, mean, error);
        bars.Color = Colors.Gray;
        var points = plot.Add.ScatterPoints(logLambda, mean);
        points.Color = Colors.Red;
        plot.Add.VerticalLine(logLambda[cv.MinimumIndex], 1, Colors.Black, LinePattern.Dashed).LegendText = "lambda.min";
        plot.Add.VerticalLine(logLambda[cv.OneStandardErrorIndex], 1, Colors.Blue, LinePattern.Dotted).LegendText = "lambda.1se";
        plot.Title($"{cv.FoldIds.Max() + 1}-fold cross-validation (mean ± 1 standard error)");
        plot.XLabel("log λ");
        plot.YLabel(CvReport.Name(cv.Metric));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static string[] Save(Plot plot, string stem)
    {
        plot.SavePng(stem + ".png", Width, Height);
        plot.SaveSvg(stem + ".svg", Width, Height);
        return [stem + ".png", stem + ".svg"];
    }
}
