using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace LogReg.Cli;

/// <summary>
/// The featurisation as ML.NET estimators, saved in front of the trainer so the model scores raw rows:
/// each run of adjacent numeric columns as one vector (<c>Concatenate</c>; with --missing mean
/// <c>ReplaceMissingValues</c> by each slot's training mean), followed by the 0/1 indicators NAME[missing]
/// (<c>IndicateMissingValues</c>) of the run's columns that had blanks — a constant number of steps per run, so a
/// file of thousands of numeric columns builds a short pipeline;
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
        foreach (var (run, k) in Runs(plan).Select((r, k) => (r, k)))
        {
            if (run[0].Role == ColumnRole.Numeric)
            {
                AddNumbers(ml, plan, run, $"#numbers{k}", steps, parts);
                continue;
            }
            var f = run[0];
            switch (f.Role)
            {
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
        // An input column named like a step's output (Age#level beside Age, #numbers0#raw) would be shadowed by it.
        var made = plan.Features.SelectMany(f => new[] { "level", "key", "coded", "words" }.Select(step => Internal(f.Name, step)))
            .Concat(Runs(plan).SelectMany((_, k) => new[] { "raw", "imputed", "blanks", "missing", "indicators" }.Select(step => Internal($"#numbers{k}", step))));
        if (plan.Features.Select(f => f.Name).Intersect(made, StringComparer.Ordinal).FirstOrDefault() is string clash)
        {
            throw new CliException($"column '{clash}' has a name this tool gives an intermediate column; rename it in the file.");
        }
        var featureNames = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (plan.Features.FirstOrDefault(f => f.Indicator && featureNames.Contains(IndicatorName(f.Name))) is { } shadowed)
        {
            throw new CliException($"column '{IndicatorName(shadowed.Name)}' has a name this tool gives an intermediate column (the indicator of missing values in '{shadowed.Name}'); rename it in the file.");
        }
        // A level's coefficient is named 'column[level]': a column of the file with that very name would share it in the
        // JSON (one of the two lost on reading) and in the tables.
        var levelNames = plan.Features.Where(f => f.Role == ColumnRole.Categorical).SelectMany(f => f.CodedLevels.Select(l => (Name: $"{f.Name}[{l}]", f, l)));
        if (levelNames.FirstOrDefault(n => featureNames.Contains(n.Name)) is { Name: not null } taken)
        {
            throw new CliException($"column '{taken.Name}' has the name this tool gives level '{taken.l}' of categorical column '{taken.f.Name}'; rename one of them in the file.");
        }
        // A text column's words are known only once it is featurised: a column named 'text[…]' could meet one.
        if (plan.Features.Where(f => f.Role == ColumnRole.Text).SelectMany(t => featureNames.Where(n => n.StartsWith(t.Name + "[", StringComparison.Ordinal)
            && n.EndsWith(']')).Select(n => (Column: n, Text: t.Name))).FirstOrDefault() is { Column: not null } word)
        {
            throw new CliException($"column '{word.Column}' has the form of the names this tool gives the words of text column '{word.Text}'; rename it in the file.");
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
    /// The plan's features in runs: each maximal run of adjacent numeric columns is one (featurised as one vector, so
    /// the pipeline's length does not grow with the number of numeric columns), every other feature is a run of its own.
    /// </summary>
    public static List<List<PlannedFeature>> Runs(FeaturePlan plan)
    {
        var runs = new List<List<PlannedFeature>>();
        foreach (var f in plan.Features)
        {
            if (f.Role == ColumnRole.Numeric && runs.Count > 0 && runs[^1][0].Role == ColumnRole.Numeric)
            {
                runs[^1].Add(f);
            }
            else
            {
                runs.Add([f]);
            }
        }
        return runs;
    }

    // A run of numeric columns: their values as one vector (each blank the column's training mean with --missing mean),
    // then the 0/1 indicators of the columns that had blanks in training.
    private static void AddNumbers(MLContext ml, FeaturePlan plan, List<PlannedFeature> run, string name, List<IEstimator<ITransformer>> steps, List<string> parts)
    {
        steps.Add(ml.Transforms.Concatenate(Internal(name, "raw"), run.Select(f => f.Name).ToArray()));
        if (plan.Missing == MissingPolicy.Mean)
        {
            steps.Add(ml.Transforms.ReplaceMissingValues(Internal(name, "imputed"), Internal(name, "raw"), MissingValueReplacingEstimator.ReplacementMode.Mean));
            parts.Add(Internal(name, "imputed"));
        }
        else
        {
            parts.Add(Internal(name, "raw"));
        }
        var flagged = run.Where(f => f.Indicator).Select(f => f.Name).ToArray();
        if (flagged.Length == 0)
        {
            return;
        }
        string source = Internal(name, "raw");
        if (flagged.Length < run.Count)
        {
            steps.Add(ml.Transforms.Concatenate(Internal(name, "blanks"), flagged));
            source = Internal(name, "blanks");
        }
        steps.Add(ml.Transforms.IndicateMissingValues(Internal(name, "missing"), source));
        steps.Add(ml.Transforms.Conversion.ConvertType(Internal(name, "indicators"), Internal(name, "missing"), DataKind.Single));
        parts.Add(Internal(name, "indicators"));
    }

    /// <summary>
    /// The name of each slot of the feature vector: NAME for a numeric column, NAME[missing] for its
    /// indicator (after the values of its run of numeric columns), NAME[LEVEL] for a level (as R's glm and statsmodels' formulas name them), NAME[word] for a word.
    /// </summary>
    public static string[] SlotNames(FeaturePlan plan, DataViewSchema featurised)
    {
        var names = new List<string>();
        foreach (var run in Runs(plan))
        {
            var f = run[0];
            switch (f.Role)
            {
                case ColumnRole.Numeric:
                    names.AddRange(run.Select(c => c.Name));
                    names.AddRange(run.Where(c => c.Indicator).Select(c => IndicatorName(c.Name)));
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
