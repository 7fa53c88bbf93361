// Usage: PlainMLNetLoader MODEL.zip FEATURES.csv
//        PlainMLNetLoader --csv MODEL.zip RAW.csv
// FEATURES.csv: one row of comma-separated feature values per line, no header.
// RAW.csv (with --csv): a CSV with a header, read by ML.NET's own TextLoader (quoting on, blank numbers as NaN);
// every Single or Text input column of the model is taken from the header column of that name, as any
// ML.NET program would load the raw rows a 'logreg train' pipeline starts from.
// Prints "Score,Probability" per row with round-trip precision, then "# statistics DEVIANCE PARAMETERS"
// when the last linear model carries ML.NET statistics. Exit 3 if any LogReg assembly got loaded.
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

var ml = new MLContext();
bool raw = args[0] == "--csv";
var model = ml.Model.Load(args[raw ? 1 : 0], out var schema);
var scored = model.Transform(raw ? RawRows(ml, schema, args[2]) : FeatureRows(ml, schema, args[1]));
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

static IDataView FeatureRows(MLContext ml, DataViewSchema schema, string path)
{
    int size = ((VectorDataViewType)schema["Features"].Type).Size;
    var rows = File.ReadAllLines(path)
        .Where(l => l.Length > 0)
        .Select(l => new Row { Features = l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray() })
        .ToList();
    var definition = SchemaDefinition.Create(typeof(Row));
    definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
    return ml.Data.LoadFromEnumerable(rows, definition);
}

static IDataView RawRows(MLContext ml, DataViewSchema schema, string path)
{
    var header = File.ReadLines(path).First().Split(',').Select(h => h.Trim('"')).ToList();
    var columns = schema
        .Where(c => c.Type == NumberDataViewType.Single || c.Type == TextDataViewType.Instance)
        .Where(c => header.Contains(c.Name))
        .Select(c => new TextLoader.Column(c.Name, c.Type == NumberDataViewType.Single ? DataKind.Single : DataKind.String, header.IndexOf(c.Name)))
        .ToArray();
    return ml.Data.LoadFromTextFile(path, new TextLoader.Options
    {
        HasHeader = true,
        Separators = new[] { ',' },
        AllowQuoting = true,
        MissingRealsAsNaNs = true,
        Columns = columns,
    });
}

internal sealed class Row
{
    public float[] Features { get; set; } = Array.Empty<float>();
}
