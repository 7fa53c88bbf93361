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
}
