using LogReg.Core.Data;
using LogReg.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Cli;

/// <summary>
/// Reads the rows of a CSV file the way a saved model expects them: by its <see cref="ModelColumns"/>
/// (the raw columns its pipeline starts from), or — for a model without that entry, written by an older
/// 'logreg train' — one numeric column per slot name of its Features vector. Columns the model does not
/// read are ignored; a column it reads but the file lacks is an error that names it.
/// </summary>
internal sealed class ModelInput
{
    private readonly string _modelPath;
    private readonly string[]? _slotNames;

    private ModelInput(string modelPath, ModelColumns? columns, string[]? slotNames)
    {
        _modelPath = modelPath;
        Columns = columns;
        _slotNames = slotNames;
    }

    /// <summary>The model's column plan; null for an older model.</summary>
    public ModelColumns? Columns { get; }

    /// <summary>The columns read as text: the plan's categorical and text columns, and the ID columns (<paramref name="id"/>, the trained one).</summary>
    public IReadOnlySet<string> TextColumns(string? id) => new HashSet<string>(
        (Columns?.Plan.Features.Where(f => f.Role != ColumnRole.Numeric).Select(f => f.Name) ?? []).Concat(new[] { id, Columns?.Id }.OfType<string>()), StringComparer.Ordinal);

    /// <summary>The feature vector the scorer reads (the intervals are evaluated on it).</summary>
    public string FeaturesColumn => Columns?.Plan.FeaturesColumn ?? Legacy;

    private const string Legacy = "Features";

    public static ModelInput Of(string modelPath, DataViewSchema inputSchema, ITransformer model)
    {
        if (ModelColumns.ReadFrom(modelPath, inputSchema, model) is { } columns)
        {
            return new ModelInput(modelPath, columns, null);
        }
        var features = inputSchema.GetColumnOrNull(Legacy)
            ?? throw new CliException($"model '{modelPath}' was not written by 'logreg train' (it has no '{Legacy}' input column).");
        if (!features.HasSlotNames())
        {
            throw new CliException($"model '{modelPath}' does not record its feature names; train it with 'logreg train'.");
        }
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref names);
        return new ModelInput(modelPath, null, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    /// <summary>Every row of <paramref name="table"/>, in order, as the model's input; warnings (levels never seen in training) go to <paramref name="warnings"/>.</summary>
    public IDataView Read(MLContext ml, CsvTable table, TextWriter warnings)
    {
        if (Columns is null)
        {
            var columns = _slotNames!.Select(n => table.IndexOf(n, "feature")).ToArray();
            var values = new float[(long)table.RowCount * columns.Length];
            for (int r = 0; r < table.RowCount; r++)
            {
                for (int j = 0; j < columns.Length; j++)
                {
                    values[(long)r * columns.Length + j] = table.Number(r, columns[j]);
                }
            }
            return new DenseMatrix(table.RowCount, columns.Length, values).ToDataView(ml, _slotNames, Legacy);
        }
        var plan = Columns.Plan;
        var absent = plan.Features.Select(f => f.Name).Where(n => !table.Header.Contains(n)).ToArray();
        if (absent.Length > 0)
        {
            throw new CliException($"'{table.Path}' has no feature column {ColumnListing.Quoted(absent)} (model '{_modelPath}' reads {(absent.Length == 1 ? "it" : "them")}); "
                + $"{(absent.Length == 1 ? ColumnListing.Suggestion(absent[0], table.Header) : "")}{ColumnListing.Of(table.Header)}.");
        }
        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        foreach (var f in plan.Features)
        {
            Check(table, f, plan.Missing, warnings);
        }
        return CsvDataView.Of(plan.Features.Select(f => CsvDataView.Feature(table, rows, f.Name, f.Role == ColumnRole.Numeric)).ToList(), rows.Length);
    }

    // A blank number has no value without --missing mean; a level never seen in training scores as the reference level.
    private void Check(CsvTable table, PlannedFeature f, MissingPolicy missing, TextWriter warnings)
    {
        int j = table.IndexOf(f.Name, "feature");
        if (f.Role == ColumnRole.Numeric && missing != MissingPolicy.Mean)
        {
            int blank = Enumerable.Range(0, table.RowCount).FirstOrDefault(r => table.IsMissing(r, j), -1);
            if (blank >= 0)
            {
                throw new CliException($"{table.Where(blank, j)}: a missing value; model '{_modelPath}' was trained with --missing {missing.ToString().ToLowerInvariant()}, which has no value for a missing cell (retrain with --missing mean to score such rows).");
            }
        }
        if (f.Role == ColumnRole.Categorical)
        {
            var known = new HashSet<string>(f.Levels!, StringComparer.Ordinal);
            var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
            var unseen = Enumerable.Range(0, table.RowCount).Where(i => !lookup.Contains(FeaturePipeline.LevelOf(table.Span(i, j))))
                .Select(i => (Level: FeaturePipeline.LevelOf(table.Cell(i, j)), Row: i)).ToArray();
            if (unseen.Length > 0)
            {
                warnings.WriteLine($"warning: column '{f.Name}': {unseen.Length} row(s) hold a level not seen in training (first: '{unseen[0].Level}' on line {table.LineOf(unseen[0].Row)}); they are scored as the reference level '{f.Reference}'.");
            }
        }
    }
}
