using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LogReg.Core.Losses;
using LogReg.Core.Paths;
using LogReg.Core.Statistics;

namespace LogReg.MLNet;

/// <summary>
/// The JSON form of <see cref="LogRegModelParameters"/> that <see cref="LogRegModelFile"/> keeps
/// beside the ML.NET model in the same zip. Callbacks and cancellation tokens in the options are
/// not data and are left out; non-finite numbers are written as "NaN"/"Infinity".
/// </summary>
internal static class ModelDetailsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(), new LogisticModelConverter(), new SoftmaxModelConverter(), new PathCoefficientsConverter(),
            new MultinomialPathCoefficientsConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropNonData, CreateStatistics } },
    };

    // The core builds statistics only by computing them; a saved copy is restored through its
    // non-public constructor and public init-only properties.
    private static void CreateStatistics(JsonTypeInfo info)
    {
        if (info.Type == typeof(ModelStatistics) || info.Type == typeof(MultinomialStatistics))
        {
            var type = info.Type;
            info.CreateObject = () => Activator.CreateInstance(type, nonPublic: true)!;
        }
    }

    private static void DropNonData(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            var type = info.Properties[i].PropertyType;
            bool isCallback = typeof(Delegate).IsAssignableFrom(type)
                || type == typeof(CancellationToken)
                || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IProgress<>));
            if (isCallback)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    // The model's constructor takes an array where its property exposes a read-only list.
    private sealed class LogisticModelConverter : JsonConverter<LogisticModel>
    {
        private sealed record Form(double[] Weights, double Bias, LossKind Loss, string[]? FeatureNames);

        public override LogisticModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var form = JsonSerializer.Deserialize<Form>(ref reader, options) ?? throw new JsonException("A model is null.");
            return new LogisticModel(form.Weights, form.Bias, form.Loss, form.FeatureNames);
        }

        public override void Write(Utf8JsonWriter writer, LogisticModel value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Form(value.GetWeights(), value.Bias, value.Loss, value.FeatureNames?.ToArray()), options);
    }

    // The softmax model's constructor takes arrays where its properties expose read-only lists.
    private sealed class SoftmaxModelConverter : JsonConverter<SoftmaxModel>
    {
        private sealed record Form(double[] Weights, double[] Biases, string[] ClassNames, string[]? FeatureNames);

        public override SoftmaxModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var form = JsonSerializer.Deserialize<Form>(ref reader, options) ?? throw new JsonException("A model is null.");
            return new SoftmaxModel(form.Weights, form.Biases, form.ClassNames, form.FeatureNames);
        }

        public override void Write(Utf8JsonWriter writer, SoftmaxModel value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Form(value.Weights.ToArray(), value.Biases.ToArray(), value.ClassNames.ToArray(), value.FeatureNames?.ToArray()), options);
    }

    // A path's coefficients by their non-zero entries (null at a point not kept); files written before they were kept so
    // hold every point's dense vectors, which are read too.
    private sealed class PathCoefficientsConverter : JsonConverter<PathCoefficients>
    {
        private sealed record Form(int Length, int[]?[] Features, double[]?[] Values);

        public override PathCoefficients Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var dense = JsonSerializer.Deserialize<double[][]>(ref reader, options) ?? [];
                return new PathCoefficients(dense.FirstOrDefault()?.Length ?? 0, dense);
            }
            var form = JsonSerializer.Deserialize<Form>(ref reader, options) ?? throw new JsonException("A path's coefficients are null.");
            if (form.Length < 0 || form.Features is null || form.Values is null || form.Features.Length != form.Values.Length
                || form.Features.Zip(form.Values).Any(p => (p.First is null) != (p.Second is null) || p.First?.Length != p.Second?.Length))
            {
                throw new JsonException("A path's coefficients have features and values that do not pair up.");
            }
            if (form.Features.Any(f => f is not null && f.Where((j, e) => j < 0 || j >= form.Length || (e > 0 && j <= f[e - 1])).Any()))
            {
                throw new JsonException($"A path's coefficients name features that are not increasing within 0 … {form.Length - 1}.");
            }
            return new PathCoefficients(form.Length, form.Features, form.Values);
        }

        public override void Write(Utf8JsonWriter writer, PathCoefficients value, JsonSerializerOptions options)
        {
            var entries = Enumerable.Range(0, value.Count).Select(value.Stored).ToArray();
            JsonSerializer.Serialize(writer, new Form(value.Length, entries.Select(e => e.Features).ToArray(),
                entries.Select(e => e.Values).ToArray()), options);
        }
    }

    private sealed class MultinomialPathCoefficientsConverter : JsonConverter<MultinomialPathCoefficients>
    {
        private sealed record Form(int Classes, PathCoefficients ByClass);

        public override MultinomialPathCoefficients Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var dense = JsonSerializer.Deserialize<double[][][]>(ref reader, options) ?? [];
                var first = dense.FirstOrDefault() ?? [[]];
                return new MultinomialPathCoefficients(first.Length, first[0].Length, dense);
            }
            var form = JsonSerializer.Deserialize<Form>(ref reader, options) ?? throw new JsonException("A path's coefficients are null.");
            if (form.Classes < 1 || form.ByClass is null || form.ByClass.Count % form.Classes != 0
                || Enumerable.Range(0, form.ByClass.Count / form.Classes).Any(m =>
                    Enumerable.Range(1, form.Classes - 1).Any(k => form.ByClass.IsKept(m * form.Classes + k) != form.ByClass.IsKept(m * form.Classes))))
            {
                throw new JsonException("A multinomial path's coefficients are not whole points of their classes' vectors.");
            }
            return new MultinomialPathCoefficients(form.Classes, form.ByClass);
        }

        public override void Write(Utf8JsonWriter writer, MultinomialPathCoefficients value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Form(value.Classes, value.ByClass), options);
    }
}
