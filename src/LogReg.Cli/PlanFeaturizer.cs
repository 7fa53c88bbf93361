using LogReg.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

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
        var sink = new MarginSink(weights.ToArray(), prepared.Rows.Length, bias);
        Fill(prepared.Rows.Length, fills, sink);
        return sink.Margins;
    }

    /// <summary>
    /// The features column of <see cref="PreparedTable.ToTrainerView"/>: the name, type and annotations (slot names) of
    /// <paramref name="featurised"/>, the fitted featurisation's output, with each row's slots computed from the table as
    /// a cursor reaches it — the values the pipeline's chain of cursors gives, without it (ML.NET splits that chain
    /// across threads and consolidates it again: 0.4 s of a 500,000 × 20 train).
    /// </summary>
    public static CsvDataView.Column FeatureRows(PreparedTable prepared, DataViewSchema.Column featurised)
    {
        var (names, writers) = Layout(prepared);
        if (featurised.Type is not VectorDataViewType { Size: var size } vector || vector.ItemType != NumberDataViewType.Single || size != names.Count)
        {
            throw new InvalidOperationException($"The featurisation's '{featurised.Name}' is {featurised.Type}; the plan has {names.Count} single-precision slots.");
        }
        // Dense rows unless most slots are levels' indicators (a row fills one per categorical column): the trainer stores
        // the rows as the first one comes, and CSR would cost twice the memory of a mostly filled matrix.
        int filled = prepared.Plan.Features.Sum(f => f.Role == ColumnRole.Numeric ? (f.Indicator ? 2 : 1) : 1);
        bool sparse = 2 * filled < size;
        Func<CsvDataView.Filler<VBuffer<float>>> make = () =>
        {
            var row = new RowSink(size);
            return (int position, ref VBuffer<float> value) =>
            {
                Array.Clear(row.Values);
                foreach (var write in writers)
                {
                    write(position, row);
                }
                value = sparse ? Sparse(row.Values, ref value) : Dense(row.Values, ref value);
            };
        };
        return new CsvDataView.Column(featurised.Name, featurised.Type, make, featurised.Annotations);
    }

    private static VBuffer<float> Dense(float[] slots, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, slots.Length);
        slots.CopyTo(editor.Values);
        return editor.Commit();
    }

    private static VBuffer<float> Sparse(float[] slots, ref VBuffer<float> value)
    {
        int count = 0;
        foreach (float v in slots)
        {
            count += v != 0 ? 1 : 0;
        }
        var editor = VBufferEditor.Create(ref value, slots.Length, count);
        for (int j = 0, k = 0; j < slots.Length; j++)
        {
            if (slots[j] != 0)
            {
                editor.Indices[k] = j;
                editor.Values[k++] = slots[j];
            }
        }
        return editor.Commit();
    }

    private static (DenseMatrix Features, string[] Names) Features(PreparedTable prepared)
    {
        var (names, fills) = Layout(prepared);
        var sink = new MatrixSink(prepared.Rows.Length, names.Count);
        Fill(prepared.Rows.Length, fills, sink);
        return (new DenseMatrix(prepared.Rows.Length, names.Count, sink.Values), names.ToArray());
    }

    // Where each slot's value is written: a row-major matrix, a margin per row, or the row a cursor is on.
    private interface ISlotSink
    {
        void Set(int row, int slot, float value);
    }

    // One column's slots in the used row at a position: each row's columns in the pipeline's order, so a margin's terms
    // are summed in the same order whichever sink.
    private delegate void SlotWriter(int position, ISlotSink sink);

    private static void Fill(int rows, List<SlotWriter> writers, ISlotSink sink)
    {
        for (int r = 0; r < rows; r++)
        {
            foreach (var write in writers)
            {
                write(r, sink);
            }
        }
    }

    private sealed class MatrixSink(int rows, int width) : ISlotSink
    {
        public float[] Values { get; } = new float[(long)rows * width];

        public void Set(int row, int slot, float value) => Values[(long)row * width + slot] = value;
    }

    private sealed class RowSink(int width) : ISlotSink
    {
        public float[] Values { get; } = new float[width];

        public void Set(int row, int slot, float value) => Values[slot] = value;
    }

    private sealed class MarginSink(double[] weights, int rows, double bias) : ISlotSink
    {
        public double[] Margins { get; } = Enumerable.Repeat(bias, rows).ToArray();

        public void Set(int row, int slot, float value) => Margins[row] += weights[slot] * value;
    }

    // The slots (their names, in the pipeline's order) and, per column, what writes its slots.
    private static (List<string> Names, List<SlotWriter> Writers) Layout(PreparedTable prepared)
    {
        var table = prepared.Schema.Table;
        var plan = prepared.Plan;
        var rows = prepared.Rows;
        // Each column is written straight into its slots: a copy by column first doubled a long file's peak memory.
        var names = new List<string>();
        var writers = new List<SlotWriter>();
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
                    int j = table.IndexOf(f.Name, "feature");
                    table.RequireNumbers(j);
                    writers.Add(Numbers(table.Column(j), rows, plan.Missing == MissingPolicy.Mean ? prepared.MeanOf(j) : float.NaN, slot, indicator));
                }
                continue;
            }
            var level = run[0];
            var coded = level.CodedLevels.ToList();
            int start = names.Count;
            names.AddRange(coded.Select(l => $"{level.Name}[{l}]"));
            writers.Add(Levels(table, table.IndexOf(level.Name, "feature"), rows, coded, start));
        }
        return (names, writers);
    }

    // A categorical column: a 1 in the slot of each row's level when that level is coded (not the reference).
    private static SlotWriter Levels(CsvTable table, int j, RowSet rows, List<string> coded, int start)
    {
        var slot = coded.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => p.k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return (r, sink) =>
        {
            if (slot.TryGetValue(FeaturePipeline.LevelOf(table.Span(rows[r], j)), out int k))
            {
                sink.Set(r, start + k, 1f);
            }
        };
    }

    // A numeric column in the used rows at slot `slot` (a blank: `fill`, the training mean with --missing mean, else
    // NaN), and its 0/1 blanks at slot `indicator` (when ≥ 0).
    private static SlotWriter Numbers(CsvColumn column, RowSet rows, float fill, int slot, int indicator)
    {
        return (r, sink) =>
        {
            float v = column.Number(rows[r]);
            bool blank = float.IsNaN(v);
            sink.Set(r, slot, blank ? fill : v);
            if (indicator >= 0)
            {
                sink.Set(r, indicator, blank ? 1f : 0f);
            }
        };
    }

    /// <summary>
    /// A numeric column's mean over the filled cells of the used rows as ML.NET's mean imputation computes it, to the bit
    /// (0 with none): a running mean of the non-zero values in row order, scaled by their share of the filled cells. The
    /// exact mean rounded once differs from it by a float step where it lies halfway between two floats — and the saved
    /// model would then impute differently from the same pipeline fitted by ML.NET.
    /// </summary>
    public static float Mean(CsvColumn column, RowSet rows)
    {
        double mean = 0;
        long filled = 0, nonZero = 0;
        foreach (int row in rows)
        {
            double v = column.Number(row);
            if (double.IsNaN(v))
            {
                continue;
            }
            filled++;
            if (v == 0)
            {
                continue;
            }
            nonZero++;
            // As ML.NET updates it: the two-term form when the signs differ, so the running value cannot overflow.
            mean = (mean > 0) ^ (v > 0) ? mean - mean / nonZero + v / nonZero : mean + (v - mean) / nonZero;
        }
        return filled == 0 ? 0f : (float)(mean * ((double)nonZero / filled));
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
