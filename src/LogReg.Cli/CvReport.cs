using System.Globalization;
using System.Text.Json;
using LogReg.Core.Paths;

namespace LogReg.Cli;

/// <summary>What 'logreg cv' prints and writes as JSON: the choice, then the curve (as cv.glmnet's print and its fields).</summary>
internal static class CvReport
{
    public static void Print<TPath>(TextWriter output, CrossValidatedPath<TPath> cv, int rows, int features, string modelPath, string foldSource)
        where TPath : IRegularizationPath
    {
        var path = cv.Path;
        int chosen = cv.ChosenIndex;
        string metric = Name(cv.Metric);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-validated on {rows} rows × {features} features, {cv.FoldIds.Max() + 1} folds ({foldSource}), {path.Lambdas.Count} λ: chose λ = {path.Lambdas[chosen]:G6} " +
            $"({(cv.Rule == LambdaRule.Minimum ? "min" : "1se")}), {path.NonZero[chosen]} non-zero coefficient(s), {metric} {cv.Mean[chosen]:G6} ± {cv.StandardError[chosen]:G3}; " +
            $"model written to {modelPath}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  lambda.min = {path.Lambdas[cv.MinimumIndex]:G6} ({path.NonZero[cv.MinimumIndex]} non-zero), lambda.1se = {path.Lambdas[cv.OneStandardErrorIndex]:G6} ({path.NonZero[cv.OneStandardErrorIndex]} non-zero)"));
        var lambdaTexts = path.Lambdas.Select(l => l.ToString("G6", CultureInfo.InvariantCulture)).ToArray();
        var meanTexts = cv.Mean.Select(m => m.ToString("G6", CultureInfo.InvariantCulture)).ToArray();
        var errorTexts = cv.StandardError.Select(e => e.ToString("G4", CultureInfo.InvariantCulture)).ToArray();
        int lw = Math.Max(6, lambdaTexts.Max(t => t.Length)), mw = Math.Max(metric.Length, meanTexts.Max(t => t.Length)), ew = Math.Max(8, errorTexts.Max(t => t.Length));
        output.WriteLine($"  {"lambda".PadLeft(lw)}  {"nonzero",7}  {metric.PadLeft(mw)}  {"std.err.".PadLeft(ew)}");
        for (int k = 0; k < path.Lambdas.Count; k++)
        {
            string mark = (k == cv.MinimumIndex ? " min" : "") + (k == cv.OneStandardErrorIndex ? " 1se" : "");
            output.WriteLine($"  {lambdaTexts[k].PadLeft(lw)}  {path.NonZero[k],7}  {meanTexts[k].PadLeft(mw)}  {errorTexts[k].PadLeft(ew)}{mark}");
        }
        foreach (var (kind, note) in CrossValidationNote.All(cv))
        {
            output.WriteLine($"{kind}: {note}");
        }
    }

    /// <summary>The binary model at the chosen λ: its intercept and coefficients by feature name, then the curve.</summary>
    public static void WriteJson(Utf8JsonWriter json, CrossValidatedPath<RegularizationPath> cv, IReadOnlyList<string> names, double l1Ratio, int? seed) =>
        WriteJson(json, cv, l1Ratio, seed, () =>
        {
            json.WriteNumber("intercept", cv.Path.Intercepts[cv.ChosenIndex]);
            Named(json, "coefficients", names, cv.Path.Coefficients[cv.ChosenIndex]);
        });

    /// <summary>The softmax model at the chosen λ: each class's intercept and coefficients (glmnet's, centred), then the curve.</summary>
    public static void WriteJson(Utf8JsonWriter json, CrossValidatedPath<MultinomialRegularizationPath> cv, IReadOnlyList<string> names,
        IReadOnlyList<string> classes, double l1Ratio, int? seed) =>
        WriteJson(json, cv, l1Ratio, seed, () =>
        {
            Named(json, "intercepts", classes, cv.Path.Intercepts[cv.ChosenIndex]);
            json.WriteStartObject("coefficients");
            var chosen = cv.Path.Coefficients[cv.ChosenIndex];
            for (int k = 0; k < classes.Count; k++)
            {
                Named(json, classes[k], names, chosen[k]);
            }
            json.WriteEndObject();
        });

    private static void WriteJson<TPath>(Utf8JsonWriter json, CrossValidatedPath<TPath> cv, double l1Ratio, int? seed, Action model)
        where TPath : IRegularizationPath
    {
        var path = cv.Path;
        json.WriteStartObject();
        json.WriteNumber("l1_ratio", l1Ratio);
        json.WriteString("metric", Name(cv.Metric));
        json.WriteString("rule", cv.Rule == LambdaRule.Minimum ? "min" : "1se");
        json.WriteNumber("folds", cv.FoldIds.Max() + 1);
        json.WriteBoolean("std_error_over_rows", cv.ErrorsOverRows);
        // Null when a fold column set the folds: the seed drew nothing, and a drawn one would make identical runs differ.
        if (seed is { } drawn)
        {
            json.WriteNumber("seed", drawn);
        }
        else
        {
            json.WriteNull("seed");
        }
        json.WriteNumber("lambda_min", path.Lambdas[cv.MinimumIndex]);
        json.WriteNumber("lambda_1se", path.Lambdas[cv.OneStandardErrorIndex]);
        json.WriteNumber("lambda", cv.ChosenLambda);
        json.WriteNumber("nonzero", path.NonZero[cv.ChosenIndex]);
        if (path.UnsettledLambda is { } unsettled)
        {
            json.WriteNumber("unsettled_lambda", unsettled);
        }
        model();
        Array(json, "path_lambda", path.Lambdas);
        Array(json, "path_nonzero", path.NonZero.Select(v => (double)v).ToArray());
        Array(json, "path_deviance_ratio", path.DevianceRatio);
        Array(json, "cv_mean", cv.Mean);
        Array(json, "cv_std_error", cv.StandardError);
        json.WriteEndObject();
    }

    private static void Named(Utf8JsonWriter json, string name, IReadOnlyList<string> keys, double[] values)
    {
        json.WriteStartObject(name);
        for (int j = 0; j < keys.Count; j++)
        {
            json.WriteNumber(keys[j], values[j]);
        }
        json.WriteEndObject();
    }

    public static string Name(CrossValidationMetric metric) => CliOptions.Metrics.First(kv => kv.Value == metric).Key;

    private static void Array(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            json.WriteNumberValue(v);
        }
        json.WriteEndArray();
    }
}
