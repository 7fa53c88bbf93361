using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// The dense multinomial set of <see cref="MultinomialDensePathBenchmarks"/>: R package mlbench's <c>Vehicle</c> (846
/// silhouettes × 18 integer shape measures, 4 classes), as written by <c>benchmarks/peers/make_vehicle.R</c> to
/// <c>benchmarks/data/vehicle.csv</c> under the repository root — a header row, the 18 features, then the class name.
/// Classes are numbered in the names' ordinal order, as R's <c>factor</c> levels sort them.
/// </summary>
public static class VehicleData
{
    /// <summary>The CSV this process reads (it may not exist).</summary>
    public static string FilePath => Path.Combine(SpamData.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "benchmarks", "data", "vehicle.csv");

    /// <summary>Reads the whole set.</summary>
    /// <exception cref="FileNotFoundException">The CSV is missing (the message names the script that makes it).</exception>
    public static MulticlassTrainingSet Load()
    {
        string path = FilePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: make it with 'Rscript benchmarks/peers/make_vehicle.R'.", path);
        }
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var names = cells.Select(c => c[^1]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var rows = cells.Select(c => c[..^1].Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var labels = cells.Select(c => Array.IndexOf(names, c[^1])).ToArray();
        return new MulticlassTrainingSet(DenseMatrix.FromRows(rows, header.Length - 1), labels, names.Length, featureNames: header[..^1], classNames: names);
    }
}
