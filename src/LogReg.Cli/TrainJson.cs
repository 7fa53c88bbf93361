using System.Text.Json;
using LogReg.MLNet;

namespace LogReg.Cli;

/// <summary>The model part of 'train --json' for each family (the fit report follows it, written by <see cref="JsonOutput.WriteFitReport"/>).</summary>
internal static class TrainJson
{
    public static void Binary(Utf8JsonWriter json, IReadOnlyList<string> names, LogRegModelParameters p)
    {
        Strings(json, "feature_names", names);
        Numbers(json, "weights", p.Weights);
        json.WriteNumber("bias", p.Bias);
        json.WriteString("loss", FitArguments.NameOf(p.Model.Loss));
    }

    public static void Softmax(Utf8JsonWriter json, IReadOnlyList<string> names, LogRegMulticlassModelParameters p)
    {
        var m = p.Model;
        json.WriteString("model", "softmax");
        Strings(json, "classes", m.ClassNames);
        Strings(json, "feature_names", names);
        json.WriteStartArray("weights");
        for (int k = 0; k < m.ClassCount; k++)
        {
            json.WriteStartArray();
            foreach (var w in m.WeightsOf(k))
            {
                json.WriteNumberValue(w);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        Numbers(json, "biases", m.Biases);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }
        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }
        json.WriteEndArray();
    }
}
