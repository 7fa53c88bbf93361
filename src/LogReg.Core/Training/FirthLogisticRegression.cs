using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Training;

/// <summary>
/// Firth's bias-reduced logistic regression (Firth 1993; R's logistf and brglm2 "AS_mean"): maximises
/// the penalised log-likelihood ℓ*(β) = ℓ(β) + ½·ln|I(β)|, I = X̃ᵀWX̃ (W = diag sᵢpᵢ(1 − pᵢ), X̃ = [1 X]),
/// which has a finite maximiser even on separated data and removes the O(1/n) bias of the MLE. Newton
/// iterations on the modified score U*(β) = Σ [sᵢ(yᵢ − pᵢ) + hᵢ(½ − pᵢ)]·x̃ᵢ, hᵢ the diagonal of the
/// weighted hat matrix, with step halving on ℓ*; standard errors from I⁻¹ at the estimate. Dense: up
/// to <see cref="MaximumParameters"/> parameters.
/// </summary>
public static class FirthLogisticRegression
{
    /// <summary>Most parameters (the information matrix is dense), as the statistics' own limit.</summary>
    public const int MaximumParameters = 2000;

    /// <summary>The estimate (intercept first), its covariance I⁻¹ (same order), ℓ, ℓ*, iterations, whether the modified score vanished, and its largest entry.</summary>
    public sealed record Result(double[] Coefficients, double[] Covariance, double LogLikelihood, double PenalizedLogLikelihood, int Iterations, bool Converged, double ScoreNorm);

    /// <summary>Fits <paramref name="data"/> (labels 0/1, example weights as frequency weights).</summary>
    public static Result Fit(TrainingSet data, double tolerance = 1e-10, int maximumIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(data);
        int k = data.FeatureCount + 1;
        if (k > MaximumParameters)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Firth's method inverts a dense {k}×{k} information matrix; at most {MaximumParameters} parameters are supported."), nameof(data));
        }
        var x = InterceptDesign.Rows(data);
        var beta = new double[k];
        var state = Evaluate(data, x, beta) ?? throw new InvalidOperationException("The information matrix is singular at β = 0 (a constant or duplicated column?).");
        int iteration = 0;
        bool converged = false;
        while (iteration < maximumIterations)
        {
            var step = (double[])state.Score.Clone();
            DenseLinearAlgebra.CholeskySolve(state.Factor, k, step);
            if (VectorKernels.MaxAbs(state.Score) <= tolerance * Math.Max(1, Math.Abs(state.Penalized)))
            {
                converged = true;
                break;
            }
            iteration++;
            double scale = 1;
            State? next = null;
            for (int halving = 0; halving < 30; halving++, scale /= 2)
            {
                var candidate = beta.Select((b, j) => b + scale * step[j]).ToArray();
                var trial = Evaluate(data, x, candidate);
                if (trial is not null && trial.Penalized >= state.Penalized - 1e-12 * Math.Abs(state.Penalized))
                {
                    (beta, next) = (candidate, trial);
                    break;
                }
            }
            if (next is null)
            {
                break; // no step raises ℓ* any more: report as not converged unless the score test holds
            }
            bool tiny = VectorKernels.MaxAbs(step) * scale <= 1e-14 * Math.Max(1, VectorKernels.MaxAbs(beta));
            state = next;
            if (tiny)
            {
                converged = VectorKernels.MaxAbs(state.Score) <= Math.Sqrt(tolerance);
                break;
            }
        }
        return new Result(beta, DenseLinearAlgebra.InverseFromCholesky(state.Factor, k), state.LogLikelihood, state.Penalized, iteration, converged,
            VectorKernels.MaxAbs(state.Score));
    }

    private sealed record State(double LogLikelihood, double Penalized, double[] Score, double[] Factor);


    private static State? Evaluate(TrainingSet data, double[][] x, double[] beta)
    {
        int k = beta.Length;
        var information = new double[k * k];
        var p = new double[x.Length];
        double logLikelihood = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = data.WeightOf(i);
            double z = VectorKernels.Dot(x[i], beta);
            p[i] = StableMath.Sigmoid(z);
            logLikelihood += s * (data.Labels[i] == 1.0 ? StableMath.LogSigmoid(z) : StableMath.LogSigmoid(-z));
            double w = s * p[i] * (1 - p[i]);
            for (int a = 0; a < k; a++)
            {
                VectorKernels.AddScaled(x[i], w * x[i][a], information.AsSpan(a * k, k));
            }
        }
        var factor = DenseLinearAlgebra.Cholesky(information, k);
        if (factor is null)
        {
            return null;
        }
        double logDeterminant = 0;
        for (int j = 0; j < k; j++)
        {
            logDeterminant += 2 * Math.Log(factor[j * k + j]);
        }
        var score = new double[k];
        var solved = new double[k];
        for (int i = 0; i < x.Length; i++)
        {
            double s = data.WeightOf(i);
            x[i].CopyTo(solved, 0);
            DenseLinearAlgebra.CholeskySolve(factor, k, solved);
            double hat = s * p[i] * (1 - p[i]) * VectorKernels.Dot(x[i], solved);
            VectorKernels.AddScaled(x[i], s * (data.Labels[i] - p[i]) + hat * (0.5 - p[i]), score);
        }
        return new State(logLikelihood, logLikelihood + 0.5 * logDeterminant, score, factor);
    }
}
