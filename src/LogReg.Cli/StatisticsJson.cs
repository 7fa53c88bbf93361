using System.Text.Json.Serialization;
using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// The contracts 'stats --json' writes, generated at compile time (snake_case names, enums as strings, a non-finite
/// number as null): the reflection-based serializer spent ~100 ms of a fresh process building them.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true, Converters = new[] { typeof(JsonOutput.FiniteOrNull) })]
[JsonSerializable(typeof(ModelStatistics))]
[JsonSerializable(typeof(MultinomialStatistics))]
internal sealed partial class StatisticsJson : JsonSerializerContext;
