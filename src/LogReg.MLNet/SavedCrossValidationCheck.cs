using LogReg.Core.Paths;

namespace LogReg.MLNet;

/// <summary>
/// Whether cross-validation details read back from a model file agree with themselves and with the model they were saved
/// with: every per-λ list as long as the λ, the rule's indices among them, the chosen point's coefficients kept and
/// exactly the model's (as the trainers make it). The JSON reader checks each part's form; an edited file could still
/// pair a chosen index with coefficients that are not there, or not the model's, and then read as an error or as garbage.
/// </summary>
internal static class SavedCrossValidationCheck
{
    /// <summary>True when <paramref name="details"/> hold no cross-validation, or one that fits their model.</summary>
    public static bool Holds(LogRegModelParameters details) => details.CrossValidation is not { } cv
        || (Shaped(cv) && cv.Path.Intercepts.Count == cv.Path.Lambdas.Count && cv.Path.Coefficients.Count == cv.Path.Lambdas.Count
            && cv.Path.Coefficients.Length == details.Weights.Count && cv.Path.Coefficients.IsKept(cv.ChosenIndex)
            && cv.Path.Coefficients[cv.ChosenIndex].SequenceEqual(details.Weights) && cv.Path.Intercepts[cv.ChosenIndex].Equals(details.Bias));

    /// <summary>True when <paramref name="details"/> hold no cross-validation, or one that fits their softmax model.</summary>
    public static bool Holds(LogRegMulticlassModelParameters details)
    {
        if (details.CrossValidation is not { } cv)
        {
            return true;
        }
        var (coefficients, model) = (cv.Path.Coefficients, details.Model);
        return Shaped(cv) && cv.Path.Intercepts.Count == cv.Path.Lambdas.Count && coefficients.Count == cv.Path.Lambdas.Count
            && coefficients.Classes == model.ClassCount
            && coefficients.Length == model.FeatureCount && coefficients.IsKept(cv.ChosenIndex)
            && coefficients[cv.ChosenIndex].SelectMany(w => w).SequenceEqual(model.Weights)
            && cv.Path.Intercepts[cv.ChosenIndex].SequenceEqual(model.Biases);
    }

    private static bool Shaped<TPath>(CrossValidatedPath<TPath> cv)
        where TPath : IRegularizationPath
    {
        int n = cv.Path.Lambdas.Count;
        return n > 0 && cv.Path.NonZero.Count == n && cv.Path.DevianceRatio.Count == n && cv.Mean.Count == n && cv.StandardError.Count == n
            && cv.MinimumIndex >= 0 && cv.MinimumIndex < n && cv.OneStandardErrorIndex >= 0 && cv.OneStandardErrorIndex < n;
    }
}
