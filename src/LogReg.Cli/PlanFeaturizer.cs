using LogReg.Core.Data;

namespace LogReg.Cli;

/// <summary>
/// The featurisation of <see cref="FeaturePipeline"/> computed directly from a prepared table, for the commands that
/// fit on the core's data and save no pipeline (stats): the same slots in the same order with the same values — a
/// numeric cell as its float (a blank: the mean of the column's filled cells with --missing mean, and 1 in its
/// NAME[missing] indicator, which follows its run of numeric columns), a categorical cell as a 1 in the slot of its level when that level is coded (not the
/// reference) — without loading ML.NET, which costs a fresh process several hundred milliseconds. Free text
/// (word counts) is ML.NET's tokeniser's to define, so a plan with a text column goes through the pipeline.
/// </summary>
internal static class PlanFeaturizer
{
    /// <summary>True when the plan has no free-text column.</summary>
    public static bool Applies(FeaturePlan plan) => plan.Features.All(f => f.Role != ColumnRole.Text);

    /// <summary>The binary training set of the used rows (as <see cref="CsvInput.ToTrainingSet"/> makes it through ML.NET).</summary>
    public static TrainingSet ToTrainingSet(PreparedTable prepared)
    {
        var (features, names) = Features(prepared);
        return new TrainingSet(features, prepared.BinaryLabels, Weights(prepared), names);
    }

    /// <summary>The multiclass training set of the used rows.</summary>
    public static MulticlassTrainingSet ToMulticlassSet(PreparedTable prepared)
    {
        var (features, names) = Features(prepared);
        return new MulticlassTrainingSet(features, prepared.ClassOfRow, prepared.Classes.Length, Weights(prepared), names, prepared.Classes);
    }

    private static (DenseMatrix Features, string[] Names) Features(PreparedTable prepared)
    {
        var table = prepared.Schema.Table;
        var plan = prepared.Plan;
        var rows = prepared.Rows;
        var names = new List<string>();
        var columns = new List<float[]>();
        foreach (var run in FeaturePipeline.Runs(plan))
        {
            if (run[0].Role == ColumnRole.Numeric)
            {
                var indicators = new List<(string Name, float[] Values)>();
                foreach (var f in run)
                {
                    var (values, blank) = Numbers(table, table.IndexOf(f.Name, "feature"), rows, plan.Missing);
                    names.Add(f.Name);
                    columns.Add(values);
                    if (f.Indicator)
                    {
                        indicators.Add((FeaturePipeline.IndicatorName(f.Name), blank));
                    }
                }
                names.AddRange(indicators.Select(i => i.Name));
                columns.AddRange(indicators.Select(i => i.Values));
                continue;
            }
            var level = run[0];
            int j = table.IndexOf(level.Name, "feature");
            var coded = level.CodedLevels.ToList();
            var slot = coded.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => p.k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var ones = coded.Select(_ => new float[rows.Length]).ToArray();
            for (int r = 0; r < rows.Length; r++)
            {
                if (slot.TryGetValue(FeaturePipeline.LevelOf(table.Span(rows[r], j)), out int k))
                {
                    ones[k][r] = 1f;
                }
            }
            names.AddRange(coded.Select(l => $"{level.Name}[{l}]"));
            columns.AddRange(ones);
        }
        int d = columns.Count;
        var matrix = new float[(long)rows.Length * d];
        for (int c = 0; c < d; c++)
        {
            var column = columns[c];
            for (int r = 0; r < rows.Length; r++)
            {
                matrix[(long)r * d + c] = column[r];
            }
        }
        return (new DenseMatrix(rows.Length, d, matrix), names.ToArray());
    }

    // A numeric column's values in the used rows (a blank: the mean of the filled ones with --missing mean, else NaN) and its 0/1 blanks.
    private static (float[] Values, float[] Blank) Numbers(CsvTable table, int j, int[] rows, MissingPolicy missing)
    {
        table.RequireNumbers(j);
        var column = table.Column(j);
        var values = new float[rows.Length];
        var blank = new float[rows.Length];
        double sum = 0;
        int filled = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            values[r] = column.Number(rows[r]);
            if (float.IsNaN(values[r]))
            {
                blank[r] = 1f;
            }
            else
            {
                sum += values[r];
                filled++;
            }
        }
        float mean = filled > 0 ? (float)(sum / filled) : 0f;
        if (missing == MissingPolicy.Mean)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                values[r] = blank[r] == 1f ? mean : values[r];
            }
        }
        return (values, blank);
    }

    // The weight column as CsvDataView reads it: every cell a finite number ≥ 0.
    private static double[]? Weights(PreparedTable prepared)
    {
        if (prepared.Schema.Weight is not { } weight)
        {
            return null;
        }
        var table = prepared.Schema.Table;
        int j = weight.Index;
        return prepared.Rows.Select(r =>
        {
            float w = table.Number(r, j);
            return w >= 0 ? (double)w : throw new CliException($"{table.Where(r, j)}: weight {w} is negative; expected a weight ≥ 0.");
        }).ToArray();
    }
}
