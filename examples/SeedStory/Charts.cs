using ScottPlot;

namespace LogReg.SeedStory;

/// <summary>Small helpers around ScottPlot (headless PNG output).</summary>
internal static class Charts
{
    public const int Width = 720;
    public const int Height = 480;

    public static string Save(Plot plot, string outDir, string file)
    {
        string path = Path.Combine(outDir, file);
        plot.SavePng(path, Width, Height);
        return path;
    }

    public static double[] Range(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();

    /// <summary>A heatmap of z[ix, iy] over x (horizontal) and y (vertical, increasing upwards).</summary>
    public static void Heatmap(Plot plot, double[] x, double[] y, double[,] z, string label)
    {
        var intensities = new double[y.Length, x.Length];
        for (int ix = 0; ix < x.Length; ix++)
        {
            for (int iy = 0; iy < y.Length; iy++)
            {
                intensities[y.Length - 1 - iy, ix] = z[ix, iy];
            }
        }
        var map = plot.Add.Heatmap(intensities);
        map.Extent = new CoordinateRect(x[0], x[^1], y[0], y[^1]);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        var bar = plot.Add.ColorBar(map);
        bar.Label = label;
    }
}
