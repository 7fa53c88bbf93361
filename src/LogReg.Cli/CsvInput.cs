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

    /// <summary>The fitted featurisation, the featurised view and its slot names.</summary>
    public static (ITransformer Featurizer, IDataView Data, string[] Names) Featurise(MLContext ml, PreparedTable prepared)
    {
        var view = prepared.ToDataView();
        var featurizer = FeaturePipeline.Build(ml, prepared.Plan).Fit(view);
        var data = featurizer.Transform(view);
        return (featurizer, data, FeaturePipeline.SlotNames(prepared.Plan, data.Schema));
    }

    /// <summary>The binary training set the featurisation gives (feature names NAME, NAME[LEVEL], NAME[missing]).</summary>
    public static TrainingSet ToTrainingSet(MLContext ml, PreparedTable prepared)
    {
        var (_, data, names) = Featurise(ml, prepared);
        var read = TrainingSetReader.Read(data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
        return new TrainingSet(read.Features, read.Labels, read.ExampleWeights, names);
    }

    /// <summary>The multiclass training set the featurisation gives.</summary>
    public static MulticlassTrainingSet ToMulticlassSet(MLContext ml, PreparedTable prepared)
    {
        var (_, data, names) = Featurise(ml, prepared);
        var read = TrainingSetReader.ReadMulticlass(data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
        return new MulticlassTrainingSet(read.Features, read.Labels, read.ClassCount, read.ExampleWeights, names, prepared.Classes);
    }

    /// <summary>What predict needs to read raw rows for this model.</summary>
    public static ModelColumns Columns(PreparedTable prepared) =>
        new(prepared.Schema.Options.Label, prepared.Classes, prepared.Schema.Weight?.Name, prepared.Schema.Options.Id, prepared.Plan);
}
