using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// The dense multinomial sets of <see cref="MultinomialDensePathBenchmarks"/> and <see cref="MultinomialCollinearPathBenchmarks"/>,
/// written by R scripts to <c>benchmarks/data/NAME.csv</c> under the repository root — a header row, the features, then
/// the class name: mlbench's <c>Vehicle</c> (<c>benchmarks/peers/make_vehicle.R</c>), <c>Soybean</c> and
/// <c>LetterRecognition</c> (<c>benchmarks/peers/make_multiclass_sets.R</c>). Classes are numbered in the names' ordinal
/// order, as R's <c>factor</c> levels sort them.
/// </summary>
public static class MulticlassCsvData
{
    /// <summary>The CSV of set <paramref name="name"/> this process reads (it may not exist).</summary>
    public static string FilePath(string name) =>
        Path.Combine(SpamData.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "benchmarks", "data", name + ".csv");

    /// <summary>Reads set <paramref name="name"/>, made by <paramref name="script"/>.</summary>
    /// <exception cref="FileNotFoundException">The CSV is missing (the message names the script that makes it).</exception>
    public static MulticlassTrainingSet Load(string name, string script)
    {
        string path = FilePath(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: make it with 'Rscript benchmarks/peers/{script}'.", path);
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
