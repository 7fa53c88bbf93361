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
    /// <summary>The table prepared for fitting, after printing its schema; null with --dry-run (schema printed, nothing fitted).</summary>
    public static PreparedTable? Load(Arguments a, string dataPath, ColumnOptions options, TextWriter output)
    {
        var schema = TableSchema.Infer(CsvTable.Read(dataPath, options.FormatOf(dataPath), options.TextColumns()), options);
        SchemaReport.Print(schema, output);
        schema.RequireDecided();
        var prepared = PreparedTable.Prepare(schema);
        SchemaReport.PrintPrepared(prepared, output);
        return a.Given(CliOptions.DryRun) ? null : prepared;
    }

    /// <summary>
    /// The featurisation fitted once on the used rows at positions <paramref name="fitOn"/> (all when null) and applied
    /// to those at each of <paramref name="parts"/> (all when null): per part, the featurised view and its slot names.
    /// </summary>
    private static (IDataView Data, string[] Names)[] Featurise(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn, IReadOnlyList<int>?[] parts)
    {
        var featurizer = FeaturePipeline.Build(ml, prepared.Plan).Fit(prepared.ToDataView(fitOn));
        return parts.Select(part =>
        {
            var data = featurizer.Transform(prepared.ToDataView(part));
            return (data, FeaturePipeline.SlotNames(prepared.Plan, data.Schema));
        }).ToArray();
    }

    /// <summary>The binary training set the featurisation gives (feature names NAME, NAME[LEVEL], NAME[missing]); rows as in <see cref="Featurise"/>.</summary>
    public static TrainingSet ToTrainingSet(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn = null, IReadOnlyList<int>? apply = null) =>
        ToTrainingSets(ml, prepared, fitOn, apply)[0];

    /// <summary>One binary training set per part, from one featurisation fitted on <paramref name="fitOn"/> (e.g. a fold's training and test rows).</summary>
    public static TrainingSet[] ToTrainingSets(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn, params IReadOnlyList<int>?[] parts) =>
        Featurise(ml, prepared, fitOn, parts).Select(p =>
        {
            var read = TrainingSetReader.Read(p.Data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
            return new TrainingSet(read.Features, read.Labels, read.ExampleWeights, p.Names);
        }).ToArray();

    /// <summary>
    /// The binary training set of all used rows for a command that saves no pipeline: featurised directly when the plan
    /// allows (<see cref="PlanFeaturizer"/>, no ML.NET loaded), else through the pipeline in a context seeded with <paramref name="seed"/>.
    /// </summary>
    public static TrainingSet TrainingSetOf(PreparedTable prepared, int? seed) =>
        PlanFeaturizer.Applies(prepared.Plan) ? PlanFeaturizer.ToTrainingSet(prepared) : ToTrainingSet(new MLContext(seed), prepared);

    /// <summary>The multiclass training set of all used rows, as <see cref="TrainingSetOf"/>.</summary>
    public static MulticlassTrainingSet MulticlassSetOf(PreparedTable prepared, int? seed) =>
        PlanFeaturizer.Applies(prepared.Plan) ? PlanFeaturizer.ToMulticlassSet(prepared) : ToMulticlassSet(new MLContext(seed), prepared);

    /// <summary>The multiclass training set of the used rows (featurisation fitted on them all).</summary>
    public static MulticlassTrainingSet ToMulticlassSet(MLContext ml, PreparedTable prepared) =>
        ToMulticlassSets(ml, prepared, null, new IReadOnlyList<int>?[] { null })[0];

    /// <summary>The multiclass training sets, as <see cref="ToTrainingSets"/>.</summary>
    public static MulticlassTrainingSet[] ToMulticlassSets(MLContext ml, PreparedTable prepared, IReadOnlyList<int>? fitOn, params IReadOnlyList<int>?[] parts) =>
        Featurise(ml, prepared, fitOn, parts).Select(p =>
        {
            var read = TrainingSetReader.ReadMulticlass(p.Data, prepared.Schema.Options.Label, prepared.Plan.FeaturesColumn, prepared.Schema.Weight?.Name).Data;
            return new MulticlassTrainingSet(read.Features, read.Labels, read.ClassCount, read.ExampleWeights, p.Names, prepared.Classes);
        }).ToArray();

    /// <summary>What predict needs to read raw rows for this model.</summary>
    public static ModelColumns Columns(PreparedTable prepared) =>
        new(prepared.Schema.Options.Label, prepared.Classes, prepared.Schema.Weight?.Name, prepared.Schema.Options.Id, prepared.Plan);
}
