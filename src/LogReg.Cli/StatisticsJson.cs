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
[JsonSerializable(typeof(DropTest))]
internal sealed partial class StatisticsJson : JsonSerializerContext;

/// <summary>stats --drop's likelihood-ratio test as --json writes it (beside the full model's statistics).</summary>
/// <param name="Dropped">The coefficients dropped.</param>
/// <param name="Statistic">2 (ℓ_full − ℓ_reduced).</param>
/// <param name="DegreesOfFreedom">Parameters dropped.</param>
/// <param name="PValue">The χ² upper tail.</param>
/// <param name="ReducedLogLikelihood">The reduced model's log-likelihood.</param>
/// <param name="ReducedAic">The reduced model's AIC.</param>
internal sealed record DropTest(IReadOnlyList<string> Dropped, double Statistic, int DegreesOfFreedom, double PValue, double ReducedLogLikelihood, double ReducedAic)
{
    public static DropTest Of(LikelihoodRatioTest test) =>
        new(test.Dropped, test.Statistic, test.DegreesOfFreedom, test.PValue, test.Reduced.LogLikelihood, test.Reduced.Aic);
}
