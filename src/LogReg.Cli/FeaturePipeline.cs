using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace LogReg.Cli;

/// <summary>
/// The featurisation as ML.NET estimators, saved in front of the trainer so the model scores raw rows:
/// numeric columns as they are (with --missing mean: <c>ReplaceMissingValues</c> by the training mean,
/// and <c>IndicateMissingValues</c> as a 0/1 column NAME[missing] for each column that had blanks);
/// categorical columns in treatment coding — a blank becomes the level "(blank)" (an <c>Expression</c>),
/// <c>MapValueToKey</c> over every level but the reference, <c>MapKeyToVector</c> — so the reference
/// level (and a level never seen in training) is all zeros and the MLE stays identifiable;
/// free text as word counts (<c>FeaturizeText</c>: lower-cased unigrams, no punctuation, no
/// character grams, no normalisation); all joined by <c>Concatenate</c> in file order.
/// </summary>
internal static class FeaturePipeline
{
    /// <summary>The level a blank categorical cell stands for.</summary>
    public const string BlankLevel = "(blank)";

    /// <summary>The level a categorical cell stands for, as the saved Expression step maps it (an empty cell is <see cref="BlankLevel"/>).</summary>
    public static string LevelOf(string cell) => cell.Length == 0 ? BlankLevel : cell;

    /// <summary>The same, on the cell's text without making a string.</summary>
    public static ReadOnlySpan<char> LevelOf(ReadOnlySpan<char> cell) => cell.IsEmpty ? BlankLevel : cell;

    public static IEstimator<ITransformer> Build(MLContext ml, FeaturePlan plan)
    {
        var steps = new List<IEstimator<ITransformer>>();
        var parts = new List<string>();
        foreach (var f in plan.Features)
        {
            switch (f.Role)
            {
                case ColumnRole.Numeric:
                    if (f.Indicator)
                    {
                        steps.Add(ml.Transforms.IndicateMissingValues(Internal(f.Name, "missing"), f.Name));
                        steps.Add(ml.Transforms.Conversion.ConvertType(IndicatorName(f.Name), Internal(f.Name, "missing"), DataKind.Single));
                    }
                    if (plan.Missing == MissingPolicy.Mean)
                    {
                        steps.Add(ml.Transforms.ReplaceMissingValues(Internal(f.Name, "imputed"), f.Name, MissingValueReplacingEstimator.ReplacementMode.Mean));
                        parts.Add(Internal(f.Name, "imputed"));
                    }
                    else
                    {
                        parts.Add(f.Name);
                    }
                    if (f.Indicator)
                    {
                        parts.Add(IndicatorName(f.Name));
                    }
                    break;
                case ColumnRole.Categorical:
                    steps.Add(ml.Transforms.Expression(Internal(f.Name, "level"), $"x : x == \"\" ? \"{BlankLevel}\" : x", f.Name));
                    steps.Add(ml.Transforms.Conversion.MapValueToKey(Internal(f.Name, "key"), Internal(f.Name, "level"), keyData: Levels(ml, f.CodedLevels)));
                    steps.Add(ml.Transforms.Conversion.MapKeyToVector(Internal(f.Name, "coded"), Internal(f.Name, "key")));
                    parts.Add(Internal(f.Name, "coded"));
                    break;
                case ColumnRole.Text:
                    steps.Add(ml.Transforms.Text.FeaturizeText(Internal(f.Name, "words"), WordCounts, f.Name));
                    parts.Add(Internal(f.Name, "words"));
                    break;
                default:
                    throw new InvalidOperationException($"column '{f.Name}' is {f.Role}, not a feature.");
            }
        }
        // An input column named like a step's output (Age#imputed or Age[missing] beside Age) would be shadowed by it.
        var made = plan.Features.SelectMany(f => new[] { "missing", "imputed", "level", "key", "coded", "words" }.Select(step => Internal(f.Name, step)).Append(IndicatorName(f.Name)));
        if (plan.Features.Select(f => f.Name).Intersect(made, StringComparer.Ordinal).FirstOrDefault() is string clash)
        {
            throw new CliException($"column '{clash}' has a name this tool gives an intermediate column; rename it in the file.");
        }
        steps.Add(ml.Transforms.Concatenate(plan.FeaturesColumn, parts.ToArray()));
        IEstimator<ITransformer> chain = steps[0];
        foreach (var step in steps.Skip(1))
        {
            chain = chain.Append(step);
        }
        return chain;
    }

    /// <summary>
    /// The name of each slot of the feature vector: NAME for a numeric column, NAME[missing] for its
    /// indicator, NAME[LEVEL] for a level (as R's glm and statsmodels' formulas name them), NAME[word] for a word.
    /// </summary>
    public static string[] SlotNames(FeaturePlan plan, DataViewSchema featurised)
    {
        var names = new List<string>();
        foreach (var f in plan.Features)
        {
            switch (f.Role)
            {
                case ColumnRole.Numeric:
                    names.Add(f.Name);
                    if (f.Indicator)
                    {
                        names.Add(IndicatorName(f.Name));
                    }
                    break;
                case ColumnRole.Categorical:
                    names.AddRange(f.CodedLevels.Select(l => $"{f.Name}[{l}]"));
                    break;
                case ColumnRole.Text:
                    var words = default(VBuffer<ReadOnlyMemory<char>>);
                    featurised[Internal(f.Name, "words")].GetSlotNames(ref words);
                    names.AddRange(words.DenseValues().Select(w => $"{f.Name}[{w}]"));
                    break;
            }
        }
        return names.ToArray();
    }

    /// <summary>The name of the 0/1 column that says a numeric cell was blank.</summary>
    public static string IndicatorName(string column) => $"{column}[missing]";

    // Intermediate columns carry a '#' suffix so they cannot meet a CSV column's name.
    private static string Internal(string column, string step) => $"{column}#{step}";

    private static readonly TextFeaturizingEstimator.Options WordCounts = new()
    {
        CharFeatureExtractor = null,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
        Norm = TextFeaturizingEstimator.NormFunction.None,
        KeepPunctuations = false,
    };

    private static IDataView Levels(MLContext ml, IEnumerable<string> levels) =>
        ml.Data.LoadFromEnumerable(levels.Select(l => new Level { Value = l }).ToArray());

    private sealed class Level
    {
        public string Value { get; set; } = "";
    }
}
