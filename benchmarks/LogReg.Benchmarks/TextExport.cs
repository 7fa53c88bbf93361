using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// Writes <see cref="MulticlassBenchData.Sparse"/> (the text check's rows) for <c>benchmarks/peers/glmnet_text.R</c>:
/// <c>train.csv</c>/<c>test.csv</c> as row,column,value triplets (1-based, the stored values only) and
/// <c>train-labels.csv</c>/<c>test-labels.csv</c> one class per line. <c>--export-text DIR [--full]</c>.
/// </summary>
internal static class TextExport
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var data = MulticlassBenchData.Load(MulticlassBenchData.Sparse);
        foreach (var (name, set) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            var matrix = (SparseMatrix)set.Features;
            using (var writer = new StreamWriter(Path.Combine(directory, name + ".csv")))
            {
                for (int i = 0; i < matrix.RowCount; i++)
                {
                    var indices = matrix.RowIndices(i);
                    var values = matrix.RowValues(i);
                    for (int k = 0; k < indices.Length; k++)
                    {
                        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1},{indices[k] + 1},{values[k]:R}"));
                    }
                }
            }
            File.WriteAllLines(Path.Combine(directory, name + "-labels.csv"), set.Labels.Select(y => y.ToString(CultureInfo.InvariantCulture)));
            Console.WriteLine($"{name}: {set.RowCount} rows × {set.FeatureCount} columns, {set.ClassCount} classes");
        }
    }
}
