using LogReg.Core.Data;
using LogReg.MLNet;
using Microsoft.ML;

namespace LogReg.Cli;

/// <summary>
/// The one way train, stats and compare read a CSV: the table, its schema (printed), the rows and
/// labels prepared, and — for the commands that work on the core's data — the features assembled by
/// the same <see cref="FeaturePipeline"/> that train saves in the model.
/// </summary>
internal static class CsvInput
{
    public const string DryRun = "--dry-run";

    /// <summary>The table prepared for fitting, after printing its schema; null with --dry-run (schema printed, nothing fitted).</summary>
    public static PreparedTable? Load(Arguments a, string dataPath, ColumnOptions options, TextWriter output)
    {
        var schema = TableSchema.Infer(CsvTable.Read(dataPath), options);
        SchemaReport.Print(schema, output);
        schema.RequireDecided();
        var prepared = PreparedTable.Prepare(schema);
        SchemaReport.PrintPrepared(prepared, output);
        return a.Flag(DryRun) ? null : prepared;
    }

    /// <summary>
    /// The featurisation fitted on the used rows at positions <paramref name="fitOn"/> (all when null) and applied to
    /// those at <paramref name="apply"/> (all when null): the featurised view and its slot names.
    /// </summary>
    private static (IDataView Data, string[] Names) Featurise(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn, IReadOnlyList<int>? apply)
    {
        var featurizer = FeaturePipeline.Build(ml, prepared.Plan).Fit(prepared.ToDataView(fitOn));
        var data = featurizer.Transform(prepared.ToDataView(apply));
        return (data, FeaturePipeline.SlotNames(prepared.Plan, data.Schema));
    }

    /// <summary>The binary training set the featurisation gives (feature names NAME, NAME[LEVEL], NAME[missing]); rows as in <see cref="Featurise"/>.</summary>
    public static TrainingSet ToTrainingSet(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn = null, IReadOnlyList<int>? apply = null)
    {
        var (data, names) = Featurise(ml, prepared, fitOn, apply);
        var read = TrainingSetReader.Read(data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
        return new TrainingSet(read.Features, read.Labels, read.ExampleWeights, names);
    }

    /// <summary>The multiclass training set the featurisation gives; rows as in <see cref="Featurise"/>.</summary>
    public static MulticlassTrainingSet ToMulticlassSet(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn = null, IReadOnlyList<int>? apply = null)
    {
        var (data, names) = Featurise(ml, prepared, fitOn, apply);
        var read = TrainingSetReader.ReadMulticlass(data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
        return new MulticlassTrainingSet(read.Features, read.Labels, read.ClassCount, read.ExampleWeights, names, prepared.Classes);
    }

    /// <summary>What predict needs to read raw rows for this model.</summary>
    public static ModelColumns Columns(PreparedTable prepared) =>
        new(prepared.Schema.Options.Label, prepared.Classes, prepared.Schema.Weight?.Name, prepared.Schema.Options.Id, prepared.Plan);
}
