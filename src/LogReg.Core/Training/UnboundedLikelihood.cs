using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Separation;

namespace LogReg.Core.Training;

/// <summary>
/// Without a penalty, the binary cross-entropy on separated data has no minimum: its infimum is approached only as
/// the weights grow without bound, so whatever point an optimizer returns, "converged" would be false. After such a
/// fit this runs the separation check (the proof, not the symptom) and, when it proves separation, rewrites the
/// result as <see cref="TerminationReason.NoFiniteMinimum"/> with the separating features and the remedies. The check
/// runs after every unpenalised fit up to <see cref="AlwaysCheckedWork"/>; above it, only after a fit with the symptom.
/// The softmax model's in-memory fits get the same, by its own condition (<see cref="CheckSoftmax"/>).
/// </summary>
internal static class UnboundedLikelihood
{
    /// <summary>
    /// The symptom that triggers the check after a converged fit above <see cref="AlwaysCheckedWork"/>: some |margin|
    /// above this (a probability beyond 0.0067 or 0.9933). A converged fit whose residuals |σ(zᵢ) − yᵢ| all stay above
    /// σ(−5) has a gradient that is nearly a Stiemke certificate against separation — nearly, since a row with a tiny
    /// weight hardly enters it.
    /// </summary>
    public const double SymptomMargin = 5;

    /// <summary>
    /// Up to this (rows + k/3)·k² (k = features + 1; one interior-point iteration's multiply-adds, some 20–40 ms for the
    /// whole check) the check runs after every unpenalised fit: the symptom misses a separated row whose weight is too
    /// small to move the fit (its margin stays small while the gradient test is met).
    /// </summary>
    public const double AlwaysCheckedWork = 2e7;

    /// <summary>The check's verdict when it applies and ran (null otherwise).</summary>
    public static SeparationResult? Check(TrainingSet data, ILinearModelObjective objective, OptimizationResult result, TrainerOptions options)
    {
        bool unpenalised = options.IsUnpenalised;
        if (!unpenalised || options.Loss != LossKind.BinaryCrossEntropy)
        {
            return null;
        }
        double k = data.FeatureCount + 1;
        bool small = (data.RowCount + k / 3) * k * k <= AlwaysCheckedWork;
        var margins = result.Converged ? objective.Margins(result.Minimizer) : null;
        if (!small && margins is not null && !margins.Any(z => Math.Abs(z) > SymptomMargin))
        {
            return null;
        }
        // A converged fit's probabilities are usually the certificate itself (FittedOverlap: a few passes where the
        // interior-point method takes 15–40 iterations of the same size); when they prove nothing the full check decides.
        return SeparationCheck.AfterFit(data, margins, options.ResolvedThreads, options.CancellationToken);
    }

    /// <summary>
    /// Up to this K·(rows + k/3)·k² (the softmax model's class-by-class checks, per interior-point iteration) the check runs
    /// after every unpenalised softmax fit. Higher than the binary bound: the softmax has no proof from the fitted
    /// probabilities, and an outside tester's 60,000 × 51 rows converged without the symptom (a tiny-weight row; a loose
    /// tolerance stopping after one iteration) while the classes were separated; its 20,000 × 102 × 3 classes (6e8) take 1.5 s with the check.
    /// </summary>
    public const double SoftmaxAlwaysCheckedWork = 1e9;

    /// <summary>
    /// The softmax model's verdict after an unpenalised fit (<see cref="MultinomialSeparationCheck"/>): always up to
    /// <see cref="SoftmaxAlwaysCheckedWork"/>, else after a fit with the symptom (not converged, or some row's own class
    /// ahead of every other by more than <see cref="SymptomMargin"/>); null when it does not apply.
    /// </summary>
    public static SeparationResult? CheckSoftmax(MulticlassTrainingSet data, OptimizationResult result, TrainerOptions options)
    {
        bool unpenalised = options.IsUnpenalised;
        if (!unpenalised)
        {
            return null;
        }
        double k = data.FeatureCount + 1;
        bool small = data.ClassCount * (data.RowCount + k / 3) * k * k <= SoftmaxAlwaysCheckedWork;
        if (!small && result.Converged && !AnyRowAhead(data, result.Minimizer))
        {
            return null;
        }
        return MultinomialSeparationCheck.Run(data, threads: options.ResolvedThreads, cancellationToken: options.CancellationToken);
    }

    // Whether some row's score for its own class exceeds every other class's by more than SymptomMargin (θ: the K weight
    // vectors, then the K biases).
    private static bool AnyRowAhead(MulticlassTrainingSet data, double[] theta)
    {
        int classes = data.ClassCount, d = data.FeatureCount;
        var scores = new double[classes];
        for (int i = 0; i < data.RowCount; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                scores[c] = data.Features.Dot(i, theta.AsSpan(c * d, d)) + theta[classes * d + c];
            }
            int y = data.Labels[i];
            double rival = double.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                rival = c == y ? rival : Math.Max(rival, scores[c]);
            }
            if (scores[y] - rival > SymptomMargin)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The result, rewritten when <paramref name="separation"/> proves there is no minimum; Firth's likelihood is offered
    /// only where it exists (<paramref name="family"/> sigmoid).
    /// </summary>
    public static OptimizationResult Amend(OptimizationResult result, SeparationResult? separation, ModelFamily family = ModelFamily.Sigmoid)
    {
        if (separation is not { Separated: true })
        {
            return result;
        }
        const TerminationReason reason = TerminationReason.NoFiniteMinimum;
        var remedies = Remedies.For(reason, secondOrder: true);
        if (family != ModelFamily.Sigmoid)
        {
            remedies &= ~Remedy.UseFirth;
        }
        return result with
        {
            Converged = false,
            Termination = reason,
            Remedies = remedies,
            Message = $"No finite minimum after {result.Iterations} iterations: {separation.Describe()} Without a penalty the " +
                $"weights grow without bound (the returned ones are where the stopping test was met) and the probabilities near 0 and 1 " +
                $"are overconfident. Remedies: {Remedies.Describe(remedies)}.",
        };
    }
}
