using LogReg.Core.Statistics;

namespace LogReg.Cli;

/// <summary>
/// stats --data FILE.csv --label COLUMN [fitting options, see <see cref="FitArguments"/>] [--covariance
/// nonrobust|hc0|hc1|hc3|cluster:COLUMN] [--drop COL[,COL]] [--method mle|firth] [--ci wald|profile] [--json OUT.json]:
/// fits as 'train' does, from the maximum-likelihood defaults (L2 = 0, tolerance 1e-10), and prints a
/// statsmodels-style summary. Separation and rank deficiency are warnings: the
/// command still exits 0 with what can honestly be reported. A label with more than two values gives the
/// multinomial logit (reference = the first class; Newton to 1e-10, as statsmodels' MNLogit).
/// </summary>
internal static class StatsCommand
{
    public static readonly CliOption[] Options =
        [.. CliOptions.Fit, .. CliOptions.ColumnRoles, CliOptions.Data, CliOptions.Json, CliOptions.Covariance, CliOptions.Drop, CliOptions.Firth, CliOptions.ProfileIntervals];

    /// <summary>The default tolerance of an L1 fit (OWL-QN), where the maximum-likelihood default 1e-10 is below what it reaches.</summary>
    public const double L1Tolerance = 1e-8;

    public static int Run(Arguments a, TextWriter output)
    {
        a.RequireAll(CliOptions.Data, CliOptions.Label);
        string dataPath = a.Required(CliOptions.Data);
        var options = FitArguments.Read(a, StatisticsCalculator.MaximumLikelihoodOptions);
        if (options.L1Regularization > 0 && !a.Given(CliOptions.Optimizer))
        {
            // Newton needs a smooth objective: L1 is fitted by OWL-QN (L-BFGS), whose relative-decrement test reaches 1e-8, not 1e-10.
            options = options with
            {
                Optimizer = Core.Training.OptimizerKind.Lbfgs,
                OptimizationTolerance = a.Given(CliOptions.Tolerance) ? options.OptimizationTolerance : L1Tolerance,
            };
        }
        string? jsonPath = a.Get(CliOptions.Json);
        CommandLine.RefuseSamePath("stats", ("--json", jsonPath), ("--data", dataPath));
        OutputPaths.RefuseUnwritable("stats", ("--json", jsonPath));
        var (covariance, clusterColumn) = Covariance(a.Get(CliOptions.Covariance));
        var columns = ColumnOptions.Read(a, MissingPolicy.Skip) with
        {
            Consumed = clusterColumn is null ? Array.Empty<(string, string)>() : new[] { (clusterColumn, "--covariance cluster:") },
        };
        var read = Read(a, dataPath, columns, clusterColumn, options.Seed, output);
        if (read is null)
        {
            return 0;
        }
        if (read.Value.Multiclass is { } multiclass)
        {
            return Multinomial(multiclass, options, jsonPath, output);
        }
        var data = read.Value.Binary!;
        string label = columns.Label;
        var statistics = new StatisticsOptions { Covariance = covariance, Clusters = read.Value.Clusters };
        bool firth = a.Get(CliOptions.Firth);
        var dropped = a.Given(CliOptions.Drop) ? Dropped(data, a.Get(CliOptions.Drop)) : null; // refused before any fit
        if (firth && (options.L2Regularization != 0 || options.L1Regularization != 0 || covariance != CovarianceType.Default || a.Given(CliOptions.Drop)
            || options.Loss != Core.Losses.LossKind.BinaryCrossEntropy || options.ClassWeighting.Mode != Core.Training.ClassWeightingMode.None))
        {
            throw new CliException("stats --method firth: Firth's penalty replaces --l2/--l1, its covariance is the inverse information, it is defined for --loss bce without --class-weight, and --drop is not offered for it.", 2);
        }
        if (firth && new CliOption[] { CliOptions.Optimizer, CliOptions.Tolerance, CliOptions.MaxIterations }.FirstOrDefault(a.Given) is { } ignored)
        {
            throw new CliException($"stats --method firth: {ignored.Name} does not apply; Firth's estimate is fitted by its own Newton iterations (modified score to 1e-10, at most 200).", 2);
        }
        var stats = firth ? FirthStatistics.Fit(data, options.CancellationToken) : StatisticsCalculator.Fit(data, options, statistics);
        if (a.Get(CliOptions.ProfileIntervals))
        {
            stats = ProfileIntervals(data, stats, WhyNotTheMle(options, firth));
        }
        output.Write(stats.Summary(label));
        var dropTest = dropped is null ? null : LikelihoodRatioTest.Run(data, dropped, options);
        if (dropTest is not null)
        {
            output.WriteLine(dropTest.Summary());
        }
        if (jsonPath is not null)
        {
            if (dropTest is null)
            {
                JsonOutput.Write(jsonPath, stats, StatisticsJson.Default.ModelStatistics);
            }
            else
            {
                var document = System.Text.Json.JsonSerializer.SerializeToNode(stats, StatisticsJson.Default.ModelStatistics)!;
                document["likelihood_ratio_test"] = System.Text.Json.JsonSerializer.SerializeToNode(DropTest.Of(dropTest), StatisticsJson.Default.DropTest);
                JsonOutput.WriteWith(jsonPath, stream =>
                {
                    using var writer = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
                    document.WriteTo(writer);
                });
            }
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }

    // The options that make the fit something other than the maximum-likelihood estimate, or null.
    private static string? WhyNotTheMle(Core.Training.TrainerOptions options, bool firth) =>
        firth ? "--method firth fits the penalised (Firth) likelihood"
        : options.L2Regularization != 0 ? $"--l2 {options.L2Regularization.ToString(System.Globalization.CultureInfo.InvariantCulture)} penalises the likelihood"
        : options.L1Regularization != 0 ? $"--l1 {options.L1Regularization.ToString(System.Globalization.CultureInfo.InvariantCulture)} penalises the likelihood"
        : options.Loss != Core.Losses.LossKind.BinaryCrossEntropy ? "--loss mse is not a likelihood"
        : null;

    // The likelihood's own intervals (R: confint(glm)) in place of the Wald ones; refused with the one cause that applies.
    internal static ModelStatistics ProfileIntervals(Core.Data.TrainingSet data, ModelStatistics stats, string? notTheMle)
    {
        if (notTheMle is not null)
        {
            throw new CliException($"stats --ci profile: profile-likelihood intervals are for the maximum-likelihood fit, and {notTheMle}; drop that option or use --ci wald.", 2);
        }
        if (stats.Separation.Separated)
        {
            throw new CliException($"stats --ci profile: the maximum-likelihood estimate does not exist, so its likelihood has no profile: {stats.Separation.Describe()} " +
                "Use --method firth (finite estimates, Wald intervals from the inverse information) or --l2.");
        }
        if (stats.MaximumLikelihoodEstimateExists is null)
        {
            throw new CliException($"stats --ci profile: the likelihood is profiled around the maximum-likelihood estimate, and whether it exists was not decided: {stats.Separation.Describe()} " +
                "Use --ci wald (with that warning), --method firth or --l2.");
        }
        if (stats.Coefficients.FirstOrDefault(c => c.Aliased) is { } aliased)
        {
            throw new CliException($"stats --ci profile: '{aliased.Name}' is aliased (a linear combination of earlier columns), so it has no estimate to profile; drop it (--ignore) first.");
        }
        if (stats.Coefficients.Any(c => c.StandardError is null))
        {
            throw new CliException($"stats --ci profile: the fit has no standard errors to start the profile from ({stats.StandardErrorNote}).");
        }
        var intervals = ProfileLikelihood.Intervals(data, stats.Coefficients.Select(c => c.Estimate).ToArray(), stats.Coefficients.Select(c => c.StandardError!.Value).ToArray());
        return stats with
        {
            Coefficients = stats.Coefficients.Select((c, j) => c with { ConfidenceLow = intervals[j].Low, ConfidenceHigh = intervals[j].High }).ToArray(),
            IntervalMethod = "profile",
        };
    }

    // nonrobust | hc0 | hc1 | hc3 | cluster:COLUMN (the column is then not a feature).
    private static (CovarianceType Type, string? Column) Covariance(string? text)
    {
        if (text is null)
        {
            return (CovarianceType.Default, null);
        }
        if (text.StartsWith("cluster:", StringComparison.OrdinalIgnoreCase) && text.Length > "cluster:".Length)
        {
            return (CovarianceType.Cluster, text["cluster:".Length..]);
        }
        return text.ToLowerInvariant() switch
        {
            "nonrobust" => (CovarianceType.NonRobust, null),
            "hc0" => (CovarianceType.HC0, null),
            "hc1" => (CovarianceType.HC1, null),
            "hc3" => (CovarianceType.HC3, null),
            _ => throw new CliException($"option '--covariance' is '{text}'; expected nonrobust, hc0, hc1, hc3 or cluster:COLUMN.", 2),
        };
    }

    // The file read, prepared and featurised in a frame of its own, so the table (its cells, levels and rows) is garbage
    // once the design matrix exists: unoptimised code keeps a method's locals alive to its end, and a long file's table
    // is as large as its matrix. Null with --dry-run.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Core.Data.TrainingSet? Binary, Core.Data.MulticlassTrainingSet? Multiclass, int[]? Clusters)? Read(
        Arguments a, string dataPath, ColumnOptions columns, string? clusterColumn, int? seed, TextWriter output)
    {
        var prepared = CsvInput.Load(a, dataPath, columns, output);
        if (prepared is null)
        {
            return null;
        }
        if (prepared.IsMulticlass)
        {
            if (a.Given(CliOptions.Covariance) || a.Given(CliOptions.Drop) || a.Get(CliOptions.Firth) || a.Get(CliOptions.ProfileIntervals))
            {
                throw new CliException($"stats: the label has {prepared.Classes.Length} classes; --covariance, --drop, --method firth and --ci profile are for a " +
                    "binary label (the multinomial statistics are the MLE's, with the model-based covariance and Wald intervals).", 2);
            }
            return (null, CsvInput.MulticlassSetOf(prepared, seed), null);
        }
        return (CsvInput.TrainingSetOf(prepared, seed), null, clusterColumn is null ? null : ClusterIds(prepared, clusterColumn));
    }

    // Any cell text names a cluster; equal texts are one cluster (the rows used, in order).
    private static int[] ClusterIds(PreparedTable prepared, string column)
    {
        var table = prepared.Schema.Table;
        int index = table.IndexOf(column, "cluster");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return prepared.Rows.Select(r => table.Cell(r, index)).Select(v => ids.TryGetValue(v, out int id) ? id : ids[v] = ids.Count).ToArray();
    }

    // --drop COL: a column's every coefficient (a factor's levels NAME[LEVEL], a number's NAME[missing] indicator).
    // A column's features: itself, or a factor's levels and a mean-imputed column's indicator (COL[…]).
    private static string[] Dropped(Core.Data.TrainingSet data, IReadOnlyList<string> drop) => drop
        .SelectMany(c =>
        {
            var slots = data.FeatureNames!.Where(n => n == c || n.StartsWith(c + "[", StringComparison.Ordinal)).ToArray();
            return slots.Length > 0 ? slots : throw new CliException(
                $"stats: --drop names '{c}', which is not a feature of the model; its features: {string.Join(", ", data.FeatureNames!)}.", 2);
        })
        .Distinct().ToArray();

    // The multinomial logit MLE with the first class as reference, as statsmodels' MNLogit.
    private static int Multinomial(Core.Data.MulticlassTrainingSet set, Core.Training.TrainerOptions options, string? jsonPath, TextWriter output)
    {
        FitArguments.RequireSoftmax(options, set.ClassCount, "stats");
        if (options.L2Regularization != 0 || options.L1Regularization != 0 || options.ClassWeighting.Mode != Core.Training.ClassWeightingMode.None)
        {
            throw new CliException($"stats: the label has {set.ClassCount} classes; multinomial statistics are for the unpenalised, unweighted likelihood (drop --l2, --l1 and --class-weight).", 2);
        }
        var stats = MultinomialStatisticsCalculator.Fit(set, options.ResolvedThreads, options.CancellationToken);
        output.Write(stats.Summary());
        if (jsonPath is not null)
        {
            JsonOutput.Write(jsonPath, stats, StatisticsJson.Default.MultinomialStatistics);
            output.WriteLine($"statistics written to {jsonPath}");
        }
        return 0;
    }
}
