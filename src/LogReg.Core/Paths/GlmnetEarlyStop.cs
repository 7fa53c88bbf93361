namespace LogReg.Core.Paths;

/// <summary>
/// glmnet's early stop, the same for the binomial and the multinomial path (its <c>fdev</c>, <c>devmax</c> and
/// <c>mnlam</c>): from the fifth λ on, a path ends when the deviance ratio grows by less than <see cref="DevianceChange"/>
/// (an absolute change) or passes <see cref="DevianceMax"/>.
/// </summary>
internal static class GlmnetEarlyStop
{
    /// <summary>The smallest growth of the deviance ratio from one λ to the next that goes on.</summary>
    public const double DevianceChange = 1e-5;

    /// <summary>The deviance ratio past which the path ends.</summary>
    public const double DevianceMax = 0.999;

    /// <summary>The λ solved before the rule applies.</summary>
    public const int MinimumLambdas = 5;

    /// <summary>The change below which the paths solve the λ near the stop more closely: twice the stop's own.</summary>
    public const double ClosingChange = 2 * DevianceChange;
}
