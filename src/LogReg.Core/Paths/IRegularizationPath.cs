namespace LogReg.Core.Paths;

/// <summary>What every regularisation path has, whatever its family: the λ sequence and the fit's summary at each λ.</summary>
public interface IRegularizationPath
{
    /// <summary>The λ values, decreasing.</summary>
    IReadOnlyList<double> Lambdas { get; }

    /// <summary>The non-zero coefficients (features, for the multinomial family) at each λ.</summary>
    IReadOnlyList<int> NonZero { get; }

    /// <summary>1 − deviance/null deviance at each λ.</summary>
    IReadOnlyList<double> DevianceRatio { get; }

    /// <summary>The deviance of the intercept-only model.</summary>
    double NullDeviance { get; }

    /// <summary>
    /// The λ where the path ended unsolved, or null: its Newton steps (<see cref="ElasticNetPathOptions.MaxNewtonSteps"/>)
    /// or rounds ran out — rows nearly separated at that penalty can keep them from settling, and so can a small cap — or
    /// rows fitted with certainty left a column no curvature; the λ before it are the path. Not one of <see cref="Lambdas"/>.
    /// </summary>
    double? UnsettledLambda { get; }

    /// <summary>
    /// Whether glmnet's early stop ended the path before its sequence's last λ: from the fifth λ on, the deviance ratio
    /// grew by less than 1e-5 from the λ before, or passed 0.999. False when the sequence ran out, for given λ (never
    /// stopped early), and in files saved before it was recorded.
    /// </summary>
    bool EndedEarly { get; }
}
