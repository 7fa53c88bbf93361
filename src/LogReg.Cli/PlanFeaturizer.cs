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
        return new TrainingSet(features, prepared.BinaryLabels.Select(y => y ? 1.0 : 0.0).ToArray(), Weights(prepared), names);
    }

    /// <summary>The multiclass training set of the used rows.</summary>
    public static MulticlassTrainingSet ToMulticlassSet(PreparedTable prepared)
    {
        var (features, names) = Features(prepared);
        return new MulticlassTrainingSet(features, prepared.ClassOfRow, prepared.Classes.Length, Weights(prepared), names, prepared.Classes);
    }

    /// <summary>
    /// Each used row's margin b + w·x under the plan's featurisation, without materialising x (train's accuracy and AUC
    /// on a long file: a pass through the ML.NET pipeline cost a sixth of the run).
    /// </summary>
    public static double[] Margins(PreparedTable prepared, IReadOnlyList<double> weights, double bias)
    {
        var (names, fills) = Layout(prepared);
        if (names.Count != weights.Count)
        {
            throw new ArgumentException($"The plan has {names.Count} slots; the model has {weights.Count} weights.", nameof(weights));
        }
        var sink = new MarginSink(weights, prepared.Rows.Length, bias);
        foreach (var fill in fills)
        {
            fill(sink);
        }
        return sink.Margins;
    }

    private static (DenseMatrix Features, string[] Names) Features(PreparedTable prepared)
    {
        var (names, fills) = Layout(prepared);
        var sink = new MatrixSink(prepared.Rows.Length, names.Count);
        foreach (var fill in fills)
        {
            fill(sink);
        }
        return (new DenseMatrix(prepared.Rows.Length, names.Count, sink.Values), names.ToArray());
    }

    // Where each slot's value is written: a row-major matrix, or a margin per row.
    private interface ISlotSink
    {
        void Set(int row, int slot, float value);
    }

    private sealed class MatrixSink(int rows, int width) : ISlotSink
    {
        public float[] Values { get; } = new float[(long)rows * width];

        public void Set(int row, int slot, float value) => Values[(long)row * width + slot] = value;
    }

    private sealed class MarginSink(IReadOnlyList<double> weights, int rows, double bias) : ISlotSink
    {
        public double[] Margins { get; } = Enumerable.Repeat(bias, rows).ToArray();

        public void Set(int row, int slot, float value) => Margins[row] += weights[slot] * value;
    }

    // The slots (their names, in the pipeline's order) and, per column, what writes its slots.
    private static (List<string> Names, List<Action<ISlotSink>> Fills) Layout(PreparedTable prepared)
    {
        var table = prepared.Schema.Table;
        var plan = prepared.Plan;
        var rows = prepared.Rows;
        // Each column is written straight into its slots: a copy by column first doubled a long file's peak memory.
        var names = new List<string>();
        var fills = new List<Action<ISlotSink>>();
        foreach (var run in FeaturePipeline.Runs(plan))
        {
            if (run[0].Role == ColumnRole.Numeric)
            {
                int first = names.Count;
                names.AddRange(run.Select(f => f.Name));
                foreach (var (f, offset) in run.Select((f, k) => (f, k)))
                {
                    int slot = first + offset, indicator = f.Indicator ? names.Count : -1;
                    if (f.Indicator)
                    {
                        names.Add(FeaturePipeline.IndicatorName(f.Name));
                    }
                    fills.Add(sink => Numbers(table, table.IndexOf(f.Name, "feature"), rows, plan.Missing, sink, slot, indicator));
                }
                continue;
            }
            var level = run[0];
            var coded = level.CodedLevels.ToList();
            int start = names.Count;
            names.AddRange(coded.Select(l => $"{level.Name}[{l}]"));
            fills.Add(sink => Levels(table, table.IndexOf(level.Name, "feature"), rows, coded, sink, start));
        }
        return (names, fills);
    }

    // A categorical column: a 1 in the slot of each row's level when that level is coded (not the reference).
    private static void Levels(CsvTable table, int j, RowSet rows, List<string> coded, ISlotSink sink, int start)
    {
        var slot = coded.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => p.k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        for (int r = 0; r < rows.Length; r++)
        {
            if (slot.TryGetValue(FeaturePipeline.LevelOf(table.Span(rows[r], j)), out int k))
            {
                sink.Set(r, start + k, 1f);
            }
        }
    }

    // A numeric column in the used rows at slot `slot` (a blank: the mean of the filled ones with --missing mean, else
    // NaN), and its 0/1 blanks at slot `indicator` (when ≥ 0).
    private static void Numbers(CsvTable table, int j, RowSet rows, MissingPolicy missing, ISlotSink sink, int slot, int indicator)
    {
        table.RequireNumbers(j);
        var column = table.Column(j);
        double sum = 0;
        int filled = 0;
        foreach (int row in rows)
        {
            float v = column.Number(row);
            if (!float.IsNaN(v))
            {
                sum += v;
                filled++;
            }
        }
        float mean = filled > 0 ? (float)(sum / filled) : 0f;
        for (int r = 0; r < rows.Length; r++)
        {
            float v = column.Number(rows[r]);
            bool blank = float.IsNaN(v);
            sink.Set(r, slot, blank && missing == MissingPolicy.Mean ? mean : v);
            if (indicator >= 0)
            {
                sink.Set(r, indicator, blank ? 1f : 0f);
            }
        }
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
