using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogReg.Cli;

/// <summary>
/// JSON files the commands write: snake_case names, enums as strings, a non-finite number as null
/// (JSON has no infinity), and written to a temporary file that replaces the target only once it is
/// complete, so a failure never leaves a truncated file behind.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Serializes <paramref name="value"/> to <paramref name="path"/> with its source-generated contract (<see cref="StatisticsJson"/>).</summary>
    public static void Write<T>(string path, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> contract) =>
        WriteWith(path, stream => JsonSerializer.Serialize(stream, value, contract));

    /// <summary>Writes with <paramref name="write"/> to a temporary file beside <paramref name="path"/>, then moves it there.</summary>
    public static void WriteWith(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        if (full.StartsWith("/dev/", StringComparison.Ordinal))
        {
            // A device (/dev/null, /dev/stdout): renaming onto it would replace the device itself.
            using var device = File.OpenWrite(full);
            write(device);
            return;
        }
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        InterruptedWrites.Begin(temporary);
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
            InterruptedWrites.End(temporary);
        }
    }

    /// <summary>A non-finite double as null (JSON has no infinity); null reads back as NaN.</summary>
    internal sealed class FiniteOrNull : JsonConverter<double>
    {
        /// <inheritdoc/>
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        /// <inheritdoc/>
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>The fit report's fields 'train --json' writes for every model.</summary>
    public static void WriteFitReport(Utf8JsonWriter json, Core.Training.FitReport report, bool normalize)
    {
        var result = report.Optimization;
        json.WriteNumber("objective", result.Objective);
        json.WriteNumber("gradient_norm", result.GradientNorm);
        json.WriteNumber("iterations", result.Iterations);
        json.WriteBoolean("converged", result.Converged);
        json.WriteString("optimizer", Core.Training.OptimizerCatalog.NameOf(report.Optimizer));
        json.WriteNumber("l1", report.Options.L1Regularization);
        json.WriteNumber("l2", report.Options.L2Regularization);
        json.WriteString("normalize", normalize ? "meanvar" : "none");
        json.WriteString("termination", result.Termination.ToString());
    }

    /// <summary>NAME_mean and NAME_sd.</summary>
    public static void WriteMeanSd(Utf8JsonWriter json, string name, Compare.MeanSd value)
    {
        json.WriteNumber(name + "_mean", value.Mean);
        json.WriteNumber(name + "_sd", value.Sd);
    }
}
