namespace LogReg.Cli;

/// <summary>The value name and help line of every option the commands know (one table, so each option reads the same in every command's --help).</summary>
internal static class OptionHelp
{
    private static readonly Dictionary<string, (string Value, string Help)> Table = new(StringComparer.Ordinal)
    {
        ["--data"] = ("FILE.csv", "CSV file with a header row"),
        ["--label"] = ("COLUMN", "the class to predict: any two values (binary) or more (softmax)"),
        ["--model"] = ("M.zip", "model file (an ML.NET model with the featurisation in front of the trainer)"),
        ["--json"] = ("OUT.json", "also write the result as JSON"),
        ["--out"] = ("FILE.csv", "write the predictions here instead of standard output"),
        ["--normalize"] = ("none|meanvar", "scale the assembled features to mean 0, variance 1 (default none)"),
        ["--statistics"] = ("no|yes", "keep coefficient statistics in the model (for predict --intervals)"),
        ["--intervals"] = ("no|yes", "add the score's standard error and a 95% interval for the probability"),
        ["--categorical"] = ("COL,…", "string columns to one-hot encode (treatment coding)"),
        ["--text"] = ("COL,…", "free-text columns (lower-cased word counts)"),
        ["--ignore"] = ("COL,…", "columns that are not features"),
        ["--id"] = ("COL", "an identifier: not a feature; predict writes it first"),
        ["--weight"] = ("COL", "example weights (numbers ≥ 0)"),
        ["--positive"] = ("VALUE", "the positive class of a two-valued label (default: 1/true/yes, else the second sorted)"),
        ["--missing"] = ("error|skip|mean", "blank numbers: refuse, leave the row out, or impute the mean with a NAME[missing] column"),
        ["--reference"] = ("COL=LEVEL,…", "reference level of a categorical column (default: the first sorted)"),
        [CsvInput.DryRun] = ("", "print the inferred schema and stop: nothing is fitted or written"),
        ["--loss"] = ("bce|mse", "binary cross-entropy, or squared error on the sigmoid"),
        ["--optimizer"] = ("auto|gd|sgd|newton|lbfgs", "the optimizer (auto chooses by the data's shape)"),
        ["--l2"] = ("X", "L2 penalty λ₂ (½λ₂‖w‖²; the bias is never penalised)"),
        ["--l1"] = ("X", "L1 penalty λ₁ (λ₁‖w‖₁)"),
        ["--max-iterations"] = ("N", "iteration cap"),
        ["--tolerance"] = ("X", "convergence tolerance"),
        ["--threads"] = ("N", "threads for the gradient passes"),
        ["--seed"] = ("N", "random seed"),
        ["--class-weight"] = ("none|balanced|NEG:POS", "weights of the classes"),
        ["--covariance"] = ("nonrobust|hc0|hc1|hc3|cluster:COL", "covariance of the coefficients"),
        ["--drop"] = ("COL,…", "likelihood-ratio test against the model without these columns (a factor: all its levels)"),
        ["--method"] = ("mle|firth", "maximum likelihood, or Firth's bias-reduced likelihood"),
        ["--ci"] = ("wald|profile", "confidence intervals: Wald, or profile likelihood"),
        ["--folds"] = ("N", "cross-validation folds (default 5)"),
        ["--cluster"] = ("localhost|redis=HOST:PORT", "the Orleans cluster's membership"),
        ["--shards"] = ("'DIR/part-*.csv'", "shard files (a glob), one shard each"),
        ["--instance"] = ("N", "worker number on this machine (ports 11111+N, 30000+N)"),
        ["--port"] = ("N", "silo port"),
        ["--gateway"] = ("N", "gateway port"),
        ["--advertise"] = ("IP", "the address other machines reach this worker at"),
    };

    public static (string Value, string Help) Of(string option) =>
        Table.TryGetValue(option, out var entry) ? entry : throw new InvalidOperationException($"option '{option}' has no help line.");
}
