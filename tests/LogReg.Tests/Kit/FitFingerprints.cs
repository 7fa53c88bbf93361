using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LogReg.Tests.Kit;

/// <summary>
/// The models a fixed set of fits produced before a refactoring, kept in Reference/fit_fingerprints.jsonl (one JSON
/// object per line: name, parameters, iterations, objective, and the vector instructions of the machine that wrote
/// it). A fit compares bit for bit on a machine with the same instructions (the kernels' rounding depends on them),
/// otherwise to 1e-6 relative. Setting LOGREG_FINGERPRINTS_OUT to a file appends each fit's line there instead of
/// only comparing: that is how the reference was written (see Reference/README.md), and how a deliberate change is
/// re-recorded.
/// </summary>
public static class FitFingerprints
{
    private static readonly object WriteLock = new();
    private static readonly Lazy<Dictionary<string, JsonObject>> Reference = new(Load);

    /// <summary>The vector instruction sets that decide the kernels' rounding.</summary>
    public static string Isa =>
        $"avx2={Avx2.IsSupported},fma={Fma.IsSupported},v256={Vector256.IsHardwareAccelerated},v512={Vector512.IsHardwareAccelerated}";

    /// <summary>Asserts that the fit called <paramref name="name"/> gives the recorded parameters, iteration count and objective.</summary>
    public static void Check(string name, IReadOnlyList<double> parameters, int iterations, double objective)
    {
        Record(name, parameters, iterations, objective);
        Compare(name, parameters, iterations, objective);
    }

    /// <summary>Appends the fit's line to LOGREG_FINGERPRINTS_OUT when that is set.</summary>
    public static void Record(string name, IReadOnlyList<double> parameters, int iterations, double objective)
    {
        string? outFile = Environment.GetEnvironmentVariable("LOGREG_FINGERPRINTS_OUT");
        if (!string.IsNullOrEmpty(outFile))
        {
            var line = new JsonObject
            {
                ["name"] = name,
                ["isa"] = Isa,
                ["iterations"] = iterations,
                ["objective"] = objective,
                ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            };
            lock (WriteLock)
            {
                File.AppendAllText(outFile, line.ToJsonString() + "\n");
            }
        }
    }

    /// <summary>Asserts that the fit equals its recorded line.</summary>
    public static void Compare(string name, IReadOnlyList<double> parameters, int iterations, double objective)
    {
        Assert.True(Reference.Value.TryGetValue(name, out var recorded), $"no recorded fingerprint for '{name}'");
        var expected = recorded!["parameters"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        Assert.Equal(expected.Length, parameters.Count);
        if (recorded["isa"]!.GetValue<string>() == Isa)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(parameters[i]),
                    $"{name}: parameter {i} is {parameters[i]:R}, recorded {expected[i]:R} (bit-identical expected on this machine)");
            }
            Assert.Equal(recorded["iterations"]!.GetValue<int>(), iterations);
            Assert.Equal(recorded["objective"]!.GetValue<double>(), objective);
        }
        else
        {
            double scale = Math.Max(1, expected.Max(Math.Abs));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - parameters[i]) <= 1e-6 * scale,
                    $"{name}: parameter {i} is {parameters[i]:R}, recorded {expected[i]:R} on {recorded["isa"]}");
            }
        }
    }

    private static Dictionary<string, JsonObject> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "fit_fingerprints.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .ToDictionary(o => o["name"]!.GetValue<string>());
    }
}
