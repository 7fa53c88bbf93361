namespace LogReg.Cli;

/// <summary>
/// A two-valued label column as 0/1. Cells that are all 0/1/true/false (any case) keep their meaning;
/// any other two values work too, the positive one being <c>--positive VALUE</c> when given, else by a
/// stated rule: the value spelled 1, true or yes (any case), else the second in sorted order (numeric
/// when both are numbers). The choice is returned so the commands print it.
/// </summary>
internal static class BinaryLabels
{
    private static readonly string[] PositiveWords = { "1", "true", "yes" };

    /// <summary>True when every (trimmed) cell is 0/1/true/false in some spelling.</summary>
    public static bool AllTokens(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).All(v => Token(v) is not null);

    /// <summary>The positive class's name and the negative one's, in the label's own spelling.</summary>
    public static (string Positive, string Negative) Names(IReadOnlyList<string> values, IReadOnlyList<double> labels)
    {
        int positive = IndexOf(labels, 1.0), negative = IndexOf(labels, 0.0);
        return (positive < 0 ? "1" : values[positive], negative < 0 ? "0" : values[negative]);
    }

    /// <summary>The (trimmed, non-empty) label cells as 0/1, and which value was taken as positive when that needed saying.</summary>
    public static double[] Read(IReadOnlyList<string> values, string label, string? positive, out string? choice)
    {
        choice = null;
        if (AllTokens(values))
        {
            bool positiveToken = positive is null || (Token(positive) ?? throw new CliException(
                $"--positive '{positive}' is not a value of label column '{label}', whose cells are 0/1 or true/false.", 2));
            if (positive is not null)
            {
                choice = $"positive class: '{positive}' (--positive)";
            }
            var coded = values.Distinct(StringComparer.Ordinal).ToDictionary(v => v, v => Token(v) == positiveToken ? 1.0 : 0.0, StringComparer.Ordinal);
            return values.Select(v => coded[v]).ToArray();
        }
        var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 1)
        {
            throw new CliException($"label column '{label}' holds a single class ('{distinct[0]}' in every row); binary classification needs rows of both classes.");
        }
        if (distinct.Length > 2)
        {
            throw new CliException($"label column '{label}' holds {distinct.Length} values; expected two for a binary model.");
        }
        string chosen;
        if (positive is not null)
        {
            chosen = distinct.FirstOrDefault(v => v == positive)
                ?? throw new CliException($"--positive '{positive}' is not a value of label column '{label}' (its values: '{distinct[0]}', '{distinct[1]}').", 2);
            choice = $"positive class: '{chosen}' (--positive)";
        }
        else if (distinct.FirstOrDefault(v => PositiveWords.Contains(v.ToLowerInvariant())) is string word)
        {
            chosen = word;
            choice = $"positive class: '{chosen}' (the value spelled 1, true or yes; --positive VALUE to choose)";
        }
        else
        {
            chosen = distinct.Order(NaturalOrder.Instance).Last();
            choice = $"positive class: '{chosen}' (the second in sorted order; --positive VALUE to choose)";
        }
        return values.Select(v => v == chosen ? 1.0 : 0.0).ToArray();
    }

    private static int IndexOf(IReadOnlyList<double> labels, double value)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool? Token(string text) => text.ToLowerInvariant() switch
    {
        "1" or "1.0" or "true" => true,
        "0" or "0.0" or "false" => false,
        _ => null,
    };
}
