using LogReg.Core.Data;

namespace LogReg.Cli;

/// <summary>
/// A checked CSV table as the core's data: every column but the label is a feature, the column
/// names are the feature names (saved with the model as slot names, so predict finds the same
/// columns by name). ML.NET views come from the one bridge, <c>TrainingSetDataView</c>.
/// </summary>
internal static class CsvTrainingData
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    /// <summary>The table as a training set (labels 0/1, no example weights); <paramref name="exclude"/> names columns that are not features.</summary>
    public static TrainingSet ToTrainingSet(CsvTable table, string label, IReadOnlyCollection<string>? exclude = null, string? positive = null) =>
        ToTrainingSet(table, label, exclude, positive, out _);

    /// <summary>The same, saying which value was taken as the positive class when that needed a choice (see <see cref="BinaryLabels"/>).</summary>
    public static TrainingSet ToTrainingSet(CsvTable table, string label, IReadOnlyCollection<string>? exclude, string? positive, out string? choice)
    {
        int labelIndex = table.IndexOf(label, "label");
        var featureIndices = FeatureColumns(table, label, labelIndex, exclude);
        if (table.Rows.Count == 0)
        {
            throw new CliException($"'{table.Path}' has a header but no data rows.");
        }
        var labels = BinaryLabels.Read(table, labelIndex, label, positive, out choice);
        if (labels.All(y => y == labels[0]))
        {
            throw new CliException($"label column '{label}' holds a single class ({(labels[0] == 1 ? "the positive" : "the negative")} class in every row); binary classification needs rows of both classes.");
        }
        var names = featureIndices.Select(i => table.Header[i]).ToArray();
        return new TrainingSet(Features(table, featureIndices), labels, null, names);
    }

    /// <summary>The columns that are not features: --ignore COL,… and --id COL (and any the command adds).</summary>
    public static List<string> NotFeatures(Arguments a, params string?[] more)
    {
        var columns = a.Optional("--ignore")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? new List<string>();
        if (a.Optional("--id") is string id)
        {
            columns.Add(id);
        }
        columns.AddRange(more.OfType<string>());
        return columns;
    }

    /// <summary>True when the label column holds more than two distinct values (0/1/true/false in any spelling count as two): the softmax model is trained.</summary>
    public static bool IsMulticlass(CsvTable table, string label)
    {
        int labelIndex = table.IndexOf(label, "label");
        return !BinaryLabels.AllTokens(table, labelIndex) && table.Rows.Select(r => r[labelIndex].Trim()).Distinct(StringComparer.Ordinal).Take(3).Count() > 2;
    }

    /// <summary>
    /// The table as a multiclass set: the classes are the label's distinct values, in numeric order
    /// when every value is a number, else in ordinal string order; class k is the k-th.
    /// </summary>
    public static MulticlassTrainingSet ToMulticlassSet(CsvTable table, string label)
    {
        int labelIndex = table.IndexOf(label, "label");
        var featureIndices = FeatureColumns(table, label, labelIndex, exclude: null);
        var values = LabelCells(table, labelIndex, label);
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        bool numeric = distinct.All(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var classes = numeric
            ? distinct.OrderBy(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : distinct.OrderBy(v => v, StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
        var names = featureIndices.Select(i => table.Header[i]).ToArray();
        return new MulticlassTrainingSet(Features(table, featureIndices), values.Select(v => index[v]).ToArray(), classes.Length, null, names, classes);
    }

    /// <summary>Every column but the label and the excluded ones; at least one.</summary>
    private static int[] FeatureColumns(CsvTable table, string label, int labelIndex, IReadOnlyCollection<string>? exclude)
    {
        var excluded = exclude?.Select(c => table.IndexOf(c, "excluded")).ToHashSet() ?? new HashSet<int>();
        var featureIndices = Enumerable.Range(0, table.Header.Length).Where(i => i != labelIndex && !excluded.Contains(i)).ToArray();
        if (featureIndices.Length == 0)
        {
            throw new CliException($"'{table.Path}' has only the label column '{label}'; at least one feature column is needed.");
        }
        return featureIndices;
    }

    /// <summary>The label cells, trimmed; an empty one is refused, naming its row.</summary>
    public static string[] LabelCells(CsvTable table, int labelIndex, string label)
    {
        var values = table.Rows.Select(r => r[labelIndex].Trim()).ToArray();
        int blank = Array.FindIndex(values, v => v.Length == 0);
        if (blank >= 0)
        {
            throw new CliException($"'{table.Path}' row {blank + 2}, column '{label}': the label is empty; every row needs a class.");
        }
        return values;
    }

    /// <summary>The named feature columns of the table, in the given order (other columns are ignored).</summary>
    public static DesignMatrix Features(CsvTable table, IReadOnlyList<string> featureNames) =>
        Features(table, featureNames.Select(n => table.IndexOf(n, "feature")).ToArray());

    private static DenseMatrix Features(CsvTable table, int[] columns)
    {
        int d = columns.Length;
        var values = new float[(long)table.Rows.Count * d];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            for (int j = 0; j < d; j++)
            {
                values[(long)r * d + j] = table.Number(r, columns[j]);
            }
        }
        return new DenseMatrix(table.Rows.Count, d, values);
    }
}
