using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.Tests.MLNet;

/// <summary>Builds IDataViews for the adapter tests.</summary>
public static class TestData
{
    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = Array.Empty<float>();

        public float Weight { get; set; } = 1f;
    }

    /// <summary>Rows with a Features vector of known size d.</summary>
    public static IDataView ToDataView(MLContext ml, IEnumerable<Row> rows, int d)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static IEnumerable<Row> Rows(ReferenceData data) =>
        data.Rows.Select((r, i) => new Row { Label = data.Labels[i] == 1.0, Features = r.Select(v => (float)v).ToArray() });

    public static IDataView BreastCancer(MLContext ml) =>
        ml.Data.Cache(ToDataView(ml, Rows(ReferenceData.BreastCancer).ToList(), ReferenceData.BreastCancer.FeatureCount));

    public static IDataView Spector(MLContext ml) =>
        ToDataView(ml, Rows(ReferenceData.Spector).ToList(), ReferenceData.Spector.FeatureCount);

    public sealed class IrisRow
    {
        public string Species { get; set; } = "";

        [VectorType(4)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    /// <summary>Iris with a key Label from Species (keys in order of appearance: the reference's class order), cached.</summary>
    public static IDataView Iris(MLContext ml)
    {
        var (rows, labels) = Core.SoftmaxData.Iris();
        var data = ml.Data.LoadFromEnumerable(rows.Select((r, i) => new IrisRow { Species = Core.SoftmaxData.Species[labels[i]], Features = r.Select(v => (float)v).ToArray() }).ToList());
        // Keys in order of appearance: setosa, versicolor, virginica (the reference's class order).
        return ml.Data.Cache(ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(data).Transform(data));
    }

    /// <summary>Reads a column of floats from a scored view.</summary>
    public static float[] Column(IDataView view, string name) => view.GetColumn<float>(name).ToArray();
}
