using System.Globalization;
using LogReg.Core.Losses;
using LogReg.Core.Training;

namespace LogReg.Cli;

/// <summary>
/// Every option of every command, declared once: its name, value name, help line, typed parser (choices from the tables they
/// name: the optimizer catalog, the losses, the missing-value policies) and default. Each command lists the ones it takes,
/// so an option reads, parses and fails the same way everywhere. The fit's numeric defaults are the core's
/// (<see cref="TrainerOptions.Default"/>; stats: its maximum-likelihood settings): those options are null when not given.
/// </summary>
internal static class CliOptions
{
    public static readonly IReadOnlyDictionary<string, LossKind> Losses = new Dictionary<string, LossKind>
    {
        ["bce"] = LossKind.BinaryCrossEntropy,
        ["mse"] = LossKind.MeanSquaredError,
    };

    public static readonly IReadOnlyDictionary<string, MissingPolicy> Policies = new Dictionary<string, MissingPolicy>
    {
        ["error"] = MissingPolicy.Error,
        ["skip"] = MissingPolicy.Skip,
        ["mean"] = MissingPolicy.Mean,
    };

    // Files and columns.
    public static readonly CliOption<string?> Data = PathText("--data", "FILE.csv", "CSV file with a header row");
    public static readonly CliOption<string?> Label = Text("--label", "COLUMN", "the class to predict: any two values (binary) or more (softmax)");
    public static readonly CliOption<string?> Model = PathText("--model", "M.zip", "model file (an ML.NET model with the featurisation in front of the trainer)");
    public static readonly CliOption<string?> Json = PathText("--json", "OUT.json", "also write the result as JSON");
    public static readonly CliOption<string?> Out = PathText("--out", "FILE.csv", "write the predictions here instead of standard output");
    public static readonly CliOption<IReadOnlyList<string>> Categorical = List("--categorical", "string columns to one-hot encode (treatment coding)");
    public static readonly CliOption<IReadOnlyList<string>> TextColumns = List("--text", "free-text columns (lower-cased word counts)");
    public static readonly CliOption<IReadOnlyList<string>> Ignore = List("--ignore", "columns that are not features");
    public static readonly CliOption<IReadOnlyList<string>> NumericColumns = List("--numeric", "columns to use as numeric features (e.g. an integer column named like an identifier)");
    public static readonly CliOption<char?> Delimiter = new("--delimiter", "CHAR", "the cell delimiter: , ; tab | or one character (default: detected from the first lines)", text =>
        text.ToLowerInvariant() switch
        {
            "tab" or "\\t" => '\t',
            _ when text.Length == 1 && text[0] is not ('"' or '\r' or '\n') => text[0],
            _ => throw new CliException($"option '--delimiter' is '{text}'; expected one character (e.g. ; or tab), not a quote or a line break.", 2),
        }, null);
    public static readonly CliOption<char?> Decimal = new("--decimal", ".|,", "the decimal separator of numbers (default: '.', or ',' when a file delimited otherwise writes 1,5)", text =>
        text is "." or "," ? text[0] : throw new CliException($"option '--decimal' is '{text}'; expected . or ,.", 2), null);
    public static readonly CliOption<IReadOnlyList<string>?> MissingTokens = new("--na", "TOKEN,…",
        "cells that mean a missing value besides a blank one (default: NA, NaN, null, #N/A and their spellings, as R's read.csv and pandas; --na '' for none)", text =>
        text.Split(',', StringSplitOptions.TrimEntries).Where(t => t.Length > 0).ToArray(), null);
    public static readonly CliOption<string?> Id = Text("--id", "COL", "an identifier: not a feature; predict writes it first");
    public static readonly CliOption<string?> Weight = Text("--weight", "COL", "example weights (numbers ≥ 0)");
    public static readonly CliOption<string?> Positive = Text("--positive", "VALUE", "the positive class of a two-valued label (default: 1/true/yes, else the second sorted)");
    public static readonly CliOption<MissingPolicy?> Missing = Choice("--missing",
        "blank numbers: refuse, leave the row out, or impute the mean with a NAME[missing] column", Policies);
    public static readonly CliOption<string?> Reference = Text("--reference", "COL=LEVEL,…", "reference level of a categorical column (default: the first sorted)");
    public static readonly CliFlag DryRun = new("--dry-run", "print the inferred schema and stop: nothing is fitted or written");

    // The fit (null: the command's core defaults).
    public static readonly CliOption<LossKind?> Loss = Choice("--loss", "binary cross-entropy, or squared error on the sigmoid", Losses);
    public static readonly CliOption<OptimizerKind?> Optimizer = Choice("--optimizer", "the optimizer (auto chooses by the data's shape)", OptimizerCatalog.ByName);
    public static readonly CliOption<double?> L2 = Number("--l2", "X", "L2 penalty λ₂ (½λ₂‖w‖²; the bias is never penalised)", 0);
    public static readonly CliOption<double?> L1 = Number("--l1", "X", "L1 penalty λ₁ (λ₁‖w‖₁)", 0);
    public static readonly CliOption<int?> MaxIterations = Whole("--max-iterations", "iteration cap", 1);
    public static readonly CliOption<double?> Tolerance = Number("--tolerance", "X", "convergence tolerance", double.Epsilon);
    public static readonly CliOption<int?> Threads = Whole("--threads", "threads for the gradient passes", 1);
    public static readonly CliOption<int?> FoldThreads = Whole("--threads", "how many folds run at once (default: the cores)", 1);
    public static readonly CliOption<int?> Seed = Whole("--seed", "random seed", int.MinValue);
    public static readonly CliOption<ClassWeighting?> ClassWeight = new("--class-weight", "none|balanced|NEG:POS", "weights of the classes",
        FitArguments.ClassWeights, null);
    public static readonly CliOption<bool> Firth = Switch("--method", "mle", "firth", "maximum likelihood, or Firth's bias-reduced likelihood");

    // train, predict.
    public static readonly CliOption<bool> Normalize = Switch("--normalize", "none", "meanvar", "scale the assembled features to mean 0, variance 1 (default none)");
    public static readonly CliOption<bool> Statistics = Switch("--statistics", "no", "yes", "keep coefficient statistics in the model (binary: for predict --intervals; softmax: the MNLogit table)");
    public static readonly CliOption<bool> Intervals = Switch("--intervals", "no", "yes", "add the score's standard error and a 95% interval for the probability");

    // stats, compare.
    public static readonly CliOption<string?> Covariance = Text("--covariance", "nonrobust|hc0|hc1|hc3|cluster:COL", "covariance of the coefficients");
    public static readonly CliOption<IReadOnlyList<string>> Drop = List("--drop",
        "likelihood-ratio test against the model without these columns (a factor: all its levels)");
    public static readonly CliOption<bool> ProfileIntervals = Switch("--ci", "wald", "profile", "confidence intervals: Wald, or profile likelihood");
    public static readonly CliOption<int> Folds = new("--folds", "N", "cross-validation folds (default 5)", text => ParseWhole("--folds", text, 2), 5);

    // cv.
    public static readonly IReadOnlyDictionary<string, Core.Paths.CrossValidationMetric> Metrics = new Dictionary<string, Core.Paths.CrossValidationMetric>
    {
        ["deviance"] = Core.Paths.CrossValidationMetric.Deviance,
        ["logloss"] = Core.Paths.CrossValidationMetric.LogLoss,
        ["auc"] = Core.Paths.CrossValidationMetric.Auc,
        ["class"] = Core.Paths.CrossValidationMetric.Misclassification,
    };

    public static readonly IReadOnlyDictionary<string, Core.Paths.LambdaRule> Rules = new Dictionary<string, Core.Paths.LambdaRule>
    {
        ["1se"] = Core.Paths.LambdaRule.OneStandardError,
        ["min"] = Core.Paths.LambdaRule.Minimum,
    };

    public static readonly CliOption<double?> L1Ratio = new("--l1-ratio", "α", "the L1 share of the elastic-net penalty: 1 the lasso (default), 0 ridge", text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && v <= 1
            ? v
            : throw new CliException($"option '--l1-ratio' is '{text}'; expected a number in [0, 1].", 2), null);
    public static readonly CliOption<int> CvFolds = new("--folds", "N", "cross-validation folds (default 10, as cv.glmnet)", text => ParseWhole("--folds", text, 3), 10);
    public static readonly CliOption<Core.Paths.CrossValidationMetric?> Metric = Choice("--metric", "how held-out rows score a λ (default deviance)", Metrics);
    public static readonly IReadOnlyDictionary<string, Core.Paths.FoldAlignment> Alignments = new Dictionary<string, Core.Paths.FoldAlignment>
    {
        ["same"] = Core.Paths.FoldAlignment.SameLambdas,
        ["interpolated"] = Core.Paths.FoldAlignment.Interpolated,
    };

    public static readonly CliOption<Core.Paths.FoldAlignment?> Alignment = Choice("--alignment",
        "the folds' λ: the full data's, each solved exactly (default), or each fold's own sequence interpolated at them (cv.glmnet's default)", Alignments);
    public static readonly CliOption<Core.Paths.LambdaRule?> Rule = Choice("--rule", "which λ: the largest within one standard error of the best (default), or the best", Rules);
    public static readonly CliOption<int?> LambdaCount = Whole("--lambda-count", "how many λ on the path (default 100; at most 1,000,000)", 1, 1_000_000);
    public static readonly CliOption<double?> LambdaMinRatio = new("--lambda-min-ratio", "X", "the smallest λ as a share of λ_max (default 1e-4, 1e-2 when features outnumber rows; glmnet's lambda.min.ratio)", text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v < 1
            ? v
            : throw new CliException($"option '--lambda-min-ratio' is '{text}'; expected a number in (0, 1).", 2), null);
    public static readonly CliOption<double?> PathTolerance = new("--tolerance", "X", "glmnet's thresh: how precisely each λ is solved (default 1e-16 binary, 1e-7 softmax)", text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v < 1
            ? v
            : throw new CliException($"option '--tolerance' is '{text}'; expected a number in (0, 1).", 2), null);
    // True for "no": the path penalises the coefficients of the columns as they are.
    public static readonly CliOption<bool> Unstandardized = Switch("--standardize", "yes", "no", "penalise standardised coefficients (default yes, as glmnet)");
    public static readonly CliOption<string?> FoldColumn = Text("--fold-column", "COL", "each row's fold, one fold per distinct value (cv.glmnet's foldid; not a feature; --folds is then unused)");
    public static readonly CliOption<string?> GroupColumn = Text("--group-column", "COL", "rows with the same value stay in one fold (ML.NET's sampling key: the groups shuffled by --seed and dealt to the --folds folds; not a feature)");
    public static readonly CliOption<string?> Plot = PathText("--plot", "DIR", "write the coefficient path and the CV curve there (PNG and SVG)");

    // The cluster.
    public static readonly CliOption<string?> Cluster = Text("--cluster", "localhost|redis=HOST:PORT", "the Orleans cluster's membership (a Redis password from LOGREG_REDIS_PASSWORD, or redis=HOST:PORT,password=…)");
    public static readonly CliOption<string?> Shards = Text("--shards", "'DIR/part-*.csv'", "shard files (a glob below --data-root), one shard each");
    public static readonly CliOption<string?> DataRoot = PathText("--data-root", "DIR",
        "the folder shard files are named relative to; a worker reads nothing outside it (default: the current folder; required with redis)");
    public static readonly CliOption<int?> Instance = Whole("--instance", "worker number on this machine (ports 11111+N, 30000+N)", 0, 65535 - 30000);
    public static readonly CliOption<int?> Port = Whole("--port", "silo port", 1, 65535);
    public static readonly CliOption<int?> Gateway = Whole("--gateway", "gateway port", 1, 65535);
    public static readonly CliOption<string?> Advertise = Text("--advertise", "IP", "the address other machines reach this worker at");
    public static readonly CliOption<bool> Softmax = Switch("--family", "binary", "softmax", "the model over shards: binary (labels 0/1, the default) or softmax (any class labels)");
    public static readonly CliOption<int?> ShardCount = Whole("--shard-count", "refuse unless the live workers hold exactly N shard files (a worker that is down takes its files with it)", 1);
    public static readonly CliOption<string?> Checkpoint = PathText("--checkpoint", "FILE", "record every round of shard answers, so a killed 'train --cluster' can be resumed");
    public static readonly CliOption<string?> Resume = PathText("--resume", "FILE", "resume the fit a --checkpoint FILE recorded (the same shards), recording on");
    public static readonly CliOption<string?> Certificate = PathText("--certificate", "FILE",
        "this process's TLS certificate and private key (PEM with both, or PKCS#12 without a password)");
    public static readonly CliOption<string?> Trust = PathText("--trust", "FILE", "the certificates (PEM) every cluster member's certificate must chain to");

    /// <summary>How to read a CSV file: delimiter, decimal separator, missing-value tokens (every command that reads one).</summary>
    public static readonly CliOption[] Format = [Delimiter, Decimal, MissingTokens];

    /// <summary>The column-role options train, cv, stats and compare share (with the format's).</summary>
    public static readonly CliOption[] ColumnRoles = [Label, Categorical, TextColumns, Ignore, NumericColumns, Id, Weight, Positive, Missing, Reference, .. Format];

    /// <summary>The fitting options train and stats share.</summary>
    public static readonly CliOption[] Fit = [Loss, Optimizer, L2, L1, MaxIterations, Tolerance, Threads, Seed, ClassWeight];

    private static CliOption<string?> Text(string name, string value, string help) => new(name, value, help, text => text, null);

    // A path given as an empty string is refused by its option's name (.NET's own words named none, some after the file was read).
    private static CliOption<string?> PathText(string name, string value, string help) => new(name, value, help, text =>
        string.IsNullOrWhiteSpace(text) ? throw new CliException($"option '{name}' is empty; expected a path.", 2) : text, null);

    private static CliOption<IReadOnlyList<string>> List(string name, string help) => new(name, "COL,…", help, text =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } names
            ? names
            : throw new CliException($"option '{name}' is '{text}'; expected one or more column names separated by commas.", 2), []);

    private static CliOption<double?> Number(string name, string value, string help, double min) => new(name, value, help, text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= min
            ? v
            : throw new CliException($"option '{name}' is '{text}'; expected a finite number ≥ {min.ToString(CultureInfo.InvariantCulture)}.", 2), null);

    private static CliOption<int?> Whole(string name, string help, int min, int max = int.MaxValue) =>
        new(name, "N", help, text => ParseWhole(name, text, min, max), null);

    private static int ParseWhole(string name, string text, int min, int max = int.MaxValue) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
            ? v
            : throw new CliException($"option '{name}' is '{text}'; expected a whole number {Range(min, max)}.", 2);

    // "≥ 1", "≥ 0 and ≤ 35535", or for the whole int range (--seed) "from -2147483648 to 2147483647".
    private static string Range(int min, int max) => min == int.MinValue ? $"from {min} to {max}" : $"≥ {min}{(max < int.MaxValue ? $" and ≤ {max}" : "")}";

    private static CliOption<T?> Choice<T>(string name, string help, IReadOnlyDictionary<string, T> choices) where T : struct =>
        new(name, string.Join("|", choices.Keys), help, text => choices.TryGetValue(text.ToLowerInvariant(), out var v)
            ? v
            : throw new CliException($"option '{name}' is '{text}'; expected one of {string.Join(", ", choices.Keys)}.", 2), null);

    private static CliOption<bool> Switch(string name, string off, string on, string help)
    {
        var choices = new Dictionary<string, bool> { [off] = false, [on] = true };
        return new(name, $"{off}|{on}", help, text => choices.TryGetValue(text.ToLowerInvariant(), out var v)
            ? v
            : throw new CliException($"option '{name}' is '{text}'; expected one of {off}, {on}.", 2), false);
    }
}
