using System.Globalization;

namespace LogReg.Core.Paths;

/// <summary>The one line a tool or trainer shows when a path ended before a λ it could not solve.</summary>
public static class UnsettledNote
{
    /// <summary>What to tell the user about <paramref name="path"/>'s <see cref="IRegularizationPath.UnsettledLambda"/>, or null.</summary>
    public static string? Of(IRegularizationPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.UnsettledLambda is not { } unsettled ? null : string.Create(CultureInfo.InvariantCulture,
            $"the path ends at λ = {path.Lambdas[^1]:G6}: the next, λ = {unsettled:G6}, was not solved — its Newton steps ran out (MaxNewtonSteps) or ") +
            "rows fitted with certainty left a column no curvature, as rows nearly separated at that penalty can; the λ above are solved. A larger " +
            "LambdaMinRatio (--lambda-min-ratio) ends the path before it; where the steps ran out, a larger MaxNewtonSteps may solve it.";
    }

    /// <summary>Refuses a path none of whose λ was solved (its first given λ was not), in one line.</summary>
    internal static InvalidOperationException NoneSolved(double lambda, int maxNewtonSteps) => new(string.Create(CultureInfo.InvariantCulture,
        $"No λ of the path was solved: the first, λ = {lambda:G6}, did not settle within MaxNewtonSteps = {maxNewtonSteps} Newton steps (or the ") +
        "multinomial rounds' budget), or rows fitted with certainty left a column no curvature; rows nearly separated at that penalty can do " +
        "either. Give larger Lambdas, or a larger MaxNewtonSteps.");
}
