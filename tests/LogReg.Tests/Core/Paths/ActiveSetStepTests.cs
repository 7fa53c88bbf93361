using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The exact step on a quadratic model's support, and the factor of its system kept with the model: taken again for the
/// same curvature, support and ridge, formed again when any of them changes.
/// </summary>
public sealed class ActiveSetStepTests
{
    // A model over three columns with curvature H = AᵀA/n + an intercept row, its negative gradient Q at zero.
    private static QuadraticModel Model(double[] q)
    {
        double[,] a = { { 1, 0.5, -0.2 }, { 0.3, 1, 0.4 }, { -0.1, 0.2, 1 }, { 0.6, -0.4, 0.1 } };
        var model = new QuadraticModel(3);
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                double sum = 0;
                for (int i = 0; i < 4; i++)
                {
                    sum += a[i, r] * a[i, c] / 4;
                }
                model.H[r * 3 + c] = sum;
            }
            model.H0[r] = 0.05 * (r + 1);
        }
        model.H00 = 1;
        Array.Copy(q, model.Q, 3);
        model.Q0 = 0.1;
        return model;
    }

    // The model's minimiser on all three columns and the intercept with ridge l2 (no L1): (H + l2·I)⁻¹ applied to Q by
    // Gaussian elimination, independent of the Cholesky code.
    private static double[] Solve(QuadraticModel model, double l2)
    {
        var m = new double[4, 5];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                m[r, c] = model.H[r * 3 + c] + (r == c ? l2 : 0);
            }
            m[r, 3] = m[3, r] = model.H0[r];
            m[r, 4] = model.Q[r];
        }
        (m[3, 3], m[3, 4]) = (model.H00, model.Q0);
        for (int p = 0; p < 4; p++)
        {
            for (int r = p + 1; r < 4; r++)
            {
                double f = m[r, p] / m[p, p];
                for (int c = p; c < 5; c++)
                {
                    m[r, c] -= f * m[p, c];
                }
            }
        }
        var x = new double[4];
        for (int r = 3; r >= 0; r--)
        {
            double s = m[r, 4];
            for (int c = r + 1; c < 4; c++)
            {
                s -= m[r, c] * x[c];
            }
            x[r] = s / m[r, r];
        }
        return x;
    }

    [Fact]
    public void TheExactStepSolvesTheSupportsSystemAndKeepsItsFactorForTheSameCurvatureSupportAndRidge()
    {
        double[] q = [0.3, -0.2, 0.1];
        var model = Model(q);
        var expected = Solve(model, 0.01);
        var (beta, total) = (new double[3], new double[3]);
        double intercept = 0;
        Assert.True(ActiveSetStep.TryApply(model, beta, [0, 1, 2], 0, 0.01, 1e-30, total, ref intercept));
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(expected[j], beta[j], 1e-12);
        }
        Assert.Equal(expected[3], intercept, 1e-12);
        var kept = model.Factorisation!.Factor;
        Assert.NotNull(kept);

        // The same curvature, support and ridge from another gradient: the same factor, and the new system's solution.
        var (again, betaAgain) = StepWithHeldFactor([-0.4, 0.25, 0.05], model, l2: 0.01);
        Assert.Same(kept, again.Factorisation!.Factor);
        Assert.Equal(Solve(Model([-0.4, 0.25, 0.05]), 0.01)[1], betaAgain[1], 1e-12);

        // Another ridge: factored again.
        var (ridge, betaRidge) = StepWithHeldFactor(q, model, l2: 0.5);
        Assert.NotSame(kept, ridge.Factorisation!.Factor);
        Assert.Equal(Solve(Model(q), 0.5)[2], betaRidge[2], 1e-12);
    }

    // The exact step on a fresh model with gradient q that holds `from`'s factorisation, at ridge l2.
    private static (QuadraticModel Model, double[] Beta) StepWithHeldFactor(double[] q, QuadraticModel from, double l2)
    {
        var model = Model(q);
        model.Factorisation = from.Factorisation;
        var (beta, total) = (new double[3], new double[3]);
        double intercept = 0;
        Assert.True(ActiveSetStep.TryApply(model, beta, [0, 1, 2], 0, l2, 1e-30, total, ref intercept));
        return (model, beta);
    }
}
