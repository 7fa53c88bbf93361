using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Optimization;

namespace LogReg.Core.Training;

/// <summary>
/// Firth's bias-reduced logistic regression (Firth 1993; R's logistf and brglm2 "AS_mean"): maximises
/// the penalised log-likelihood ℓ*(β) = ℓ(β) + ½·ln|I(β)|, I = X̃ᵀWX̃ (W = diag sᵢpᵢ(1 − pᵢ), X̃ = [1 X]),
/// which has a finite maximiser even on separated data and removes the O(1/n) bias of the MLE: Newton on −ℓ* with
/// I as its curvature (<see cref="FirthObjective"/>), so each step is I⁻¹U* with U* the modified score
/// Σ [sᵢ(yᵢ − pᵢ) + hᵢ(½ − pᵢ)]·x̃ᵢ (hᵢ the diagonal of the weighted hat matrix), on the one optimizer loop; standard
/// errors from I⁻¹ at the estimate. Dense: up to <see cref="MaximumParameters"/> parameters.
/// </summary>
public static class FirthLogisticRegression
{
    /// <summary>Most parameters (the information matrix is dense), as the statistics' own limit.</summary>
    public const int MaximumParameters = 2000;

    /// <summary>The estimate (intercept first), its covariance I⁻¹ (same order), ℓ, ℓ*, iterations, whether the modified score vanished, and its largest entry.</summary>
    public sealed record Result(double[] Coefficients, double[] Covariance, double LogLikelihood, double PenalizedLogLikelihood, int Iterations, bool Converged, double ScoreNorm)
    {
        /// <summary>The optimizer loop's own result (θ = weights then bias, objective −ℓ*, counts per kind of evaluation).</summary>
        public OptimizationResult? Optimization { get; init; }
    }

    /// <summary>
    /// Fits <paramref name="data"/> (labels 0/1, example weights as frequency weights) on the optimizer loop every fit
    /// runs, to ‖U*‖∞ ≤ tolerance·max(|ℓ*|, s̄).
    /// </summary>
    public static Result Fit(TrainingSet data, double tolerance = 1e-10, int maximumIterations = 200) =>
        Fit(data, new OptimizerSettings { OptimizationTolerance = tolerance, MaximumNumberOfIterations = maximumIterations });

    /// <summary>The same with a trainer's optimizer settings (tolerance, cap, start, progress, cancellation).</summary>
    internal static Result Fit(TrainingSet data, OptimizerSettings settings)
    {
        var objective = ObjectiveFor(data);
        int k = data.FeatureCount + 1, d = data.FeatureCount;
        var result = OptimizerCatalog.Create(OptimizerKind.Newton).Minimize(objective, new double[k], settings);
        var at = objective.At(result.Minimizer);
        // θ is weights then bias; the table's order is intercept first.
        int Position(int c) => c == 0 ? d : c - 1;
        var inverse = DenseLinearAlgebra.InverseFromCholesky(at.Factor!, k);
        var coefficients = Enumerable.Range(0, k).Select(c => result.Minimizer[Position(c)]).ToArray();
        var covariance = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                covariance[a * k + b] = inverse[Position(a) * k + Position(b)];
            }
        }
        return new Result(coefficients, covariance, at.LogLikelihood, at.Penalized, result.Iterations, result.Converged, VectorKernels.MaxAbs(at.Score))
        {
            Optimization = result,
        };
    }

    /// <summary>Firth's objective on <paramref name="data"/>, refusing a design it cannot take: too wide, or I singular at 0.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaximumParameters"/> parameters.</exception>
    /// <exception cref="InvalidOperationException">The information matrix is singular at β = 0.</exception>
    internal static FirthObjective ObjectiveFor(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int k = data.FeatureCount + 1;
        if (k > MaximumParameters)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Firth's method inverts a dense {k}×{k} information matrix; at most {MaximumParameters} parameters are supported."), nameof(data));
        }
        var objective = new FirthObjective(data);
        if (objective.At(new double[k]).Factor is null)
        {
            throw new InvalidOperationException("The information matrix is singular at β = 0 (a constant or duplicated column?).");
        }
        return objective;
    }
}
