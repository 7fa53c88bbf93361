using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.SeedStory;

/// <summary>The bundled breast-cancer CSV (examples/data) as a core training set.</summary>
internal static class BreastCancer
{
    public static (TrainingSet Data, string[] Names) Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer_wdbc.csv");
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',')[..^1];
        var rows = new List<double[]>();
        var labels = new List<double>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add(cells[..^1]);
            labels.Add(cells[^1]);
        }
        return (new TrainingSet(DenseMatrix.FromRows(rows), labels.ToArray(), null, names), names);
    }
}
