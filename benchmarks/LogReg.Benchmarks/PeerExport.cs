using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// Writes the benchmark training sets as headerless CSV (features as floats in round-trip form, then the
/// 0/1 label) for the peer harnesses in <c>benchmarks/peers</c> (LIBLINEAR, scikit-learn), so every tool
/// fits exactly the rows this suite times. <c>--export-peers DIR [set …]</c>.
/// </summary>
internal static class PeerExport
{
    public static readonly string[] DefaultSets = [BenchData.BreastCancerStandardised, BenchData.BreastCancer, BenchData.Small, BenchData.Dense];

    public static void Run(string directory, IReadOnlyList<string> sets)
    {
        Directory.CreateDirectory(directory);
        foreach (string name in sets.Count > 0 ? sets : DefaultSets)
        {
            var train = BenchData.Load(name).Train;
            if (train.Features.IsSparse)
            {
                throw new ArgumentException($"'{name}' is sparse; the peer CSV export writes dense sets only.");
            }
            string path = Path.Combine(directory, name + ".csv");
            Write(train, path);
            Console.WriteLine($"{path}: {train.RowCount} rows × {train.FeatureCount} features ({BenchData.Mode} mode)");
        }
    }

    private static void Write(TrainingSet set, string path)
    {
        using var writer = new StreamWriter(path);
        var row = new double[set.FeatureCount];
        var cells = new string[set.FeatureCount + 1];
        for (int i = 0; i < set.RowCount; i++)
        {
            set.Features.CopyRow(i, row);
            for (int j = 0; j < row.Length; j++)
            {
                cells[j] = ((float)row[j]).ToString("R", CultureInfo.InvariantCulture);
            }
            cells[^1] = set.Labels[i].ToString(CultureInfo.InvariantCulture);
            writer.WriteLine(string.Join(',', cells));
        }
    }
}
