namespace LogReg.Core.Paths;

/// <summary>
/// A regularisation path in glmnet's scaling: at each λ the minimiser of
/// (1/Σsᵢ)·Σ sᵢ·logloss(yᵢ, b + xᵢ·w) + λ[(1 − α)/2·‖w‖² + α‖w‖₁], the intercept b unpenalised. Defaults are glmnet's,
/// so numbers compare directly: the lasso (α = 1), 100 λ values from λ_max down to <see cref="LambdaMinRatio"/>·λ_max
/// (1e-2 when features outnumber rows, else 1e-4), internal standardisation on.
/// </summary>
public sealed record ElasticNetPathOptions
{
    /// <summary>α ∈ [0, 1]: 1 the lasso, 0 ridge (then λ_max is glmnet's, computed as for α = 0.001).</summary>
    public double L1Ratio { get; init; } = 1;

    /// <summary>An explicit decreasing λ sequence (then <see cref="LambdaCount"/> and <see cref="LambdaMinRatio"/> are not used).</summary>
    public IReadOnlyList<double>? Lambdas { get; init; }

    /// <summary>How many λ values the path has (it may stop earlier, as glmnet's does, when the deviance explained stops changing).</summary>
    public int LambdaCount { get; init; } = 100;

    /// <summary>The smallest λ as a fraction of λ_max; null: 1e-2 when features outnumber rows, else 1e-4.</summary>
    public double? LambdaMinRatio { get; init; }

    /// <summary>
    /// Penalise the coefficients of the columns scaled to unit (weighted, 1/n) variance and report them on the original
    /// scale (glmnet's <c>standardize = TRUE</c>); off when the features are already scaled (an ML.NET normaliser earlier).
    /// </summary>
    public bool Standardize { get; init; } = true;

    /// <summary>
    /// glmnet's <c>thresh</c>: a λ is solved when no coordinate's move m changes the quadratic model by more than
    /// Hⱼⱼ·m² &lt; Tolerance × the null deviance (per unit weight). glmnet's default is 1e-7. Default (null): 1e-16 for
    /// the binary path, the precision of glmnet run at 1e-14 (its parity references) and beyond; 1e-7 for the
    /// multinomial path, whose rounds over the classes converge only linearly (measured on 10,000 rows × 5,000 sparse
    /// columns × 10 classes: one path 27 s at 1e-7, 95 s at 1e-9, minutes at 1e-16) — there the rounds stop only when
    /// the distance still to go, extrapolated from the rounds' rate, is below it, which is tighter than glmnet's rule.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>
    /// The Newton steps one λ may take (the binary path's, and the multinomial path's joint steps), default 100. A λ not
    /// solved within them ends the path: the λ before it are returned and <see cref="IRegularizationPath.UnsettledLambda"/>
    /// names it, as glmnet returns "solutions for larger lambdas" when its <c>maxit</c> runs out. Over 32 or more columns in
    /// play on at least four rows each, steps taken on an earlier step's curvature (while every row's curvature weight is
    /// within a fifth of it) are not counted.
    /// </summary>
    public int MaxNewtonSteps { get; init; } = 100;

    /// <summary>The binary path's tolerance when none is given.</summary>
    public const double BinaryDefaultTolerance = 1e-16;

    /// <summary>The multinomial path's tolerance when none is given.</summary>
    public const double MultinomialDefaultTolerance = 1e-7;

    /// <summary>The λ_min ratio in force for <paramref name="rows"/> × <paramref name="features"/>: glmnet's
    /// <c>ifelse(nobs &lt; nvars, 1e-2, 1e-4)</c> unless <see cref="LambdaMinRatio"/> is given.</summary>
    public double LambdaMinRatioFor(int rows, int features) => LambdaMinRatio ?? (rows < features ? 1e-2 : 1e-4);

    /// <summary>The tolerance in force for the binary (false) or multinomial (true) path.</summary>
    public double ToleranceFor(bool multinomial) => Tolerance ?? (multinomial ? MultinomialDefaultTolerance : BinaryDefaultTolerance);

    /// <summary>Throws unless the values are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of its range.</exception>
    public void Validate()
    {
        if (!(L1Ratio >= 0 && L1Ratio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(L1Ratio), L1Ratio, "L1Ratio (α) must be in [0, 1].");
        }
        if (LambdaCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LambdaCount), LambdaCount, "LambdaCount must be at least 1.");
        }
        if (LambdaMinRatio is { } ratio && !(ratio > 0 && ratio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LambdaMinRatio), ratio, "LambdaMinRatio must be in (0, 1).");
        }
        if (Lambdas is { } lambdas && (lambdas.Count == 0 || lambdas.Any(l => !(l >= 0) || double.IsInfinity(l))
            || lambdas.Zip(lambdas.Skip(1)).Any(p => p.Second > p.First)))
        {
            throw new ArgumentException("Lambdas must be a non-empty, decreasing sequence of finite values ≥ 0.", nameof(Lambdas));
        }
        if (MaxNewtonSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNewtonSteps), MaxNewtonSteps, "MaxNewtonSteps must be at least 1.");
        }
        if (Tolerance is { } tolerance && !(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be > 0.");
        }
    }
}
