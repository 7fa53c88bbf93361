using LogReg.Core.Paths;

namespace LogReg.MLNet;

/// <summary>
/// Options of <c>mlContext.BinaryClassification.Trainers.LogRegCV</c> and <c>MulticlassClassification.Trainers.LogRegCV</c>: an elastic-net path in glmnet's scaling, the
/// penalty chosen by K-fold cross-validation. Defaults are glmnet's and cv.glmnet's (the lasso, 100 λ, internal
/// standardisation, 10 stratified folds, deviance, the one-standard-error rule), so the numbers compare directly.
/// </summary>
public sealed class LogRegCVOptions
{
    /// <summary>Label column: Boolean for the binary trainer, a key type for the multiclass one. Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Known-size vector of Single. Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Optional Single column of example weights. Default none.</summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>α ∈ [0, 1], the L1 share of the penalty: 1 the lasso (default), 0 ridge.</summary>
    public double L1Ratio { get; set; } = 1;

    /// <summary>How many folds when no fold column is named (at least 3). Default 10.</summary>
    public int NumberOfFolds { get; set; } = 10;

    /// <summary>A column holding each row's fold (any scalar type: each distinct value is a fold). Default none.</summary>
    public string? FoldColumnName { get; set; }

    /// <summary>A column whose equal values keep rows in one fold (ML.NET's sampling key: a user, a session). Default none.</summary>
    public string? SamplingKeyColumnName { get; set; }

    /// <summary>How held-out rows score a λ (the AUC for two classes only). Default deviance.</summary>
    public CrossValidationMetric Metric { get; set; } = CrossValidationMetric.Deviance;

    /// <summary>Which λ is chosen. Default: the largest within one standard error of the best (cv.glmnet's lambda.1se).</summary>
    public LambdaRule Rule { get; set; } = LambdaRule.OneStandardError;

    /// <summary>How many λ values (the path may stop earlier, as glmnet's does). Default 100.</summary>
    public int LambdaCount { get; set; } = 100;

    /// <summary>The smallest λ as a fraction of λ_max. Default: 1e-2 when features outnumber rows, else 1e-4 (glmnet's).</summary>
    public double? LambdaMinRatio { get; set; }

    /// <summary>An explicit decreasing λ sequence instead of the generated one. Default none.</summary>
    public double[]? Lambdas { get; set; }

    /// <summary>
    /// Penalise the standardised coefficients (glmnet's default); false when a normaliser ran earlier in the pipeline, and
    /// for sparse word features (<c>FeaturizeText</c>), where standardising scales rare words' penalty down.
    /// </summary>
    public bool Standardize { get; set; } = true;

    /// <summary>
    /// Whether the model keeps every path point's coefficients (default, as glmnet's fit does) or only the chosen point's;
    /// λ, intercepts, supports, deviance ratios and the curve are kept either way. A ridge path over 10⁵ text features
    /// holds gigabytes, and ML.NET's <c>CrossValidate</c> keeps every fold's model.
    /// </summary>
    public bool KeepPathCoefficients { get; set; } = true;

    /// <summary>At which λ the folds are solved: exactly the full data's (default), or cv.glmnet's interpolation.</summary>
    public FoldAlignment Alignment { get; set; } = FoldAlignment.SameLambdas;

    /// <inheritdoc cref="ElasticNetPathOptions.Tolerance"/>
    public double? Tolerance { get; set; }

    /// <inheritdoc cref="ElasticNetPathOptions.MaxNewtonSteps"/>
    public int MaxNewtonSteps { get; set; } = 100;

    /// <summary>Seed of the stratified or grouped fold assignment. Default: drawn from the MLContext's random source.</summary>
    public int? Seed { get; set; }

    /// <summary>How many folds run at once. Default: one per processor; the result never depends on it.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Told the number of folds finished, as they finish.</summary>
    public IProgress<int>? Progress { get; set; }

    /// <summary>Throws, naming this class's options, unless the values are usable (the rows are checked at the fit).</summary>
    internal void Validate()
    {
        var core = ToCore(0, null);
        core.Path.Validate();
        core.ValidateChoices();
        if (FoldColumnName is null && NumberOfFolds < 3)
        {
            throw new ArgumentException($"NumberOfFolds must be at least 3, not {NumberOfFolds} (cv.glmnet's minimum).");
        }
        if (NumberOfThreads is < 1)
        {
            throw new ArgumentException($"NumberOfThreads must be at least 1, not {NumberOfThreads}.");
        }
    }

    /// <summary>Throws, naming <see cref="NumberOfFolds"/>, when the folds it asks for are more than the <paramref name="rows"/>
    /// (the fold column's and the sampling key's are checked as they are read).</summary>
    internal void ValidateFor(long rows)
    {
        if (FoldColumnName is null && SamplingKeyColumnName is null && NumberOfFolds > rows)
        {
            throw new ArgumentException($"NumberOfFolds = {NumberOfFolds} is more than the {rows} rows used.");
        }
    }

    internal CrossValidationOptions ToCore(int seed, (int[] Ids, string[]? Names)? folds) => new()
    {
        Path = new ElasticNetPathOptions
        {
            L1Ratio = L1Ratio, LambdaCount = LambdaCount, LambdaMinRatio = LambdaMinRatio, Lambdas = Lambdas, Standardize = Standardize,
            Tolerance = Tolerance, MaxNewtonSteps = MaxNewtonSteps,
        },
        FoldCount = NumberOfFolds, FoldIds = folds?.Ids, FoldNames = folds?.Names, Metric = Metric, Rule = Rule, Alignment = Alignment, Seed = seed,
        MaxThreads = NumberOfThreads,
    };
}
