// Usage: PlainMLNetLoader MODEL.zip FEATURES.csv
// FEATURES.csv: one row of comma-separated feature values per line, no header.
// Prints "Score,Probability" per row with round-trip precision, then "# statistics DEVIANCE PARAMETERS"
// when the last linear model carries ML.NET statistics. Exit 3 if any LogReg assembly got loaded.
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

var ml = new MLContext();
var model = ml.Model.Load(args[0], out var schema);
int size = ((VectorDataViewType)schema["Features"].Type).Size;
var rows = File.ReadAllLines(args[1])
    .Where(l => l.Length > 0)
    .Select(l => new Row { Features = l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray() })
    .ToList();
var definition = SchemaDefinition.Create(typeof(Row));
definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, definition));
var score = scored.GetColumn<float>("Score").ToArray();
var probability = scored.GetColumn<float>("Probability").ToArray();
for (int i = 0; i < score.Length; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score[i]:R},{probability[i]:R}"));
}
var last = model is TransformerChain<ITransformer> chain ? chain.LastTransformer : model;
if (last is IPredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: LinearBinaryModelParameters { Statistics: { } statistics } } })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# statistics {statistics.Deviance:R} {statistics.ParametersCount}"));
}
if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name!.StartsWith("LogReg", StringComparison.Ordinal)))
{
    Console.Error.WriteLine("a LogReg assembly was loaded");
    return 3;
}
return 0;

internal sealed class Row
{
    public float[] Features { get; set; } = Array.Empty<float>();
}
