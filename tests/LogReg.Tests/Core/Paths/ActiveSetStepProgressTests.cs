using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The exact step when its solution is not the model's minimiser, and on a singular support: stopped where the first
/// coefficient would change sign (that coefficient exactly 0, the others' signs kept, the model lower) and solved again on
/// the rest; taken whole when only a zero coordinate's bound fails (the support's gradient then 0); on collinear columns
/// (x₂ = x₀ + x₁) solved to the minimiser instead of given up; and where the signs make that singular system inconsistent,
/// moved along its null direction until one of the dependent coefficients is 0, then solved to the model's minimiser — with
/// two such groups, the second through the first factor.
/// </summary>
public sealed class ActiveSetStepProgressTests
{
    // Rows of four columns, the third the sum of the first two when `collinear`.
    private static double[][] Rows(bool collinear) =>
    [
        [1, 0.5, collinear ? 1.5 : -0.2, 0.3], [0.3, 1, collinear ? 1.3 : 0.4, -0.5], [-0.1, 0.2, collinear ? 0.1 : 1, 0.8],
        [0.6, -0.4, collinear ? 0.2 : 0.1, 0.2], [0.2, 0.9, collinear ? 1.1 : -0.6, -0.1], [-0.7, 0.1, collinear ? -0.6 : 0.5, 0.4],
    ];

    // The model's curvature from the rows (H = Σ xxᵀ/n, its intercept row Σ x/n, corner 1) and negative gradient q, q0.
    private static QuadraticModel Model(double[][] rows, double[] q, double q0)
    {
        int m = q.Length;
        var model = new QuadraticModel(m);
        foreach (var x in rows)
        {
            for (int r = 0; r < m; r++)
            {
                for (int c = 0; c < m; c++)
                {
                    model.H[r * m + c] += x[r] * x[c] / rows.Length;
                }
                model.H0[r] += x[r] / rows.Length;
            }
        }
        model.H00 = 1;
        Array.Copy(q, model.Q, m);
        model.Q0 = q0;
        return model;
    }

    // The model's value after moving by s (coefficients) and s0 (intercept), with the L1 and ridge terms at β:
    // −qᵀs − q0·s0 + ½(s, s0)ᵀH(s, s0) + l1‖β‖₁ + l2/2‖β‖².
    private static double Value(QuadraticModel start, double[] s, double s0, double[] beta, double l1, double l2)
    {
        int m = s.Length;
        double value = -s0 * start.Q0 + 0.5 * start.H00 * s0 * s0;
        for (int r = 0; r < m; r++)
        {
            value += -start.Q[r] * s[r] + start.H0[r] * s[r] * s0 + l1 * Math.Abs(beta[r]) + 0.5 * l2 * beta[r] * beta[r];
            for (int c = 0; c < m; c++)
            {
                value += 0.5 * s[r] * start.H[r * m + c] * s[c];
            }
        }
        return value;
    }

    [Fact]
    public void OnCollinearColumnsTheStepReachesTheMinimiserThatCholeskyAloneCouldNotFactor()
    {
        // With l1 = 0 every column is on the support and the system is singular; q in H's range makes it consistent.
        var rows = Rows(collinear: true);
        var probe = Model(rows, new double[4], 0);
        double[] known = [0.4, -0.3, 0.2, 0.5];
        var q = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Sum(c => probe.H[r * 4 + c] * known[c]) + probe.H0[r] * 0.1).ToArray();
        double q0 = Enumerable.Range(0, 4).Sum(c => probe.H0[c] * known[c]) + 0.1;
        var model = Model(rows, q, q0);
        double[] beta = [0.1, 0.2, 0.3, 0.4];
        var (total, intercept) = (new double[4], 0.0);
        Assert.True(ActiveSetStep.TryApply(model, beta, [0, 1, 2, 3], 0, 0, 1e-20, total, ref intercept));
        // The dependent column was found (not left to a pivot of rounding noise), and the minimiser's gradient is 0 on every column and the intercept.
        Assert.Equal(1, model.Factorisation!.Factor!.DroppedCount);
        Assert.All(model.Q, g => Assert.True(Math.Abs(g) < 1e-12, $"gradient {g:E2}"));
        Assert.True(Math.Abs(model.Q0) < 1e-12, $"intercept gradient {model.Q0:E2}");
    }

    [Fact]
    public void WhereTheSupportsMinimiserChangesASignTheStepIsCutThereAndSolvedAgainOnTheRest()
    {
        var rows = Rows(collinear: false);
        double[] q = [0.05, -0.4, 0.3, 0.1];
        double[] start = [0.5, 0.02, -0.3, 0.2];
        double l1 = 0.01, l2 = 0.001;
        var model = Model(rows, q, 0.05);
        var beta = (double[])start.Clone();
        var (total, intercept) = (new double[4], 0.0);
        Assert.False(ActiveSetStep.TryApply(model, beta, [0, 1, 2, 3], l1, l2, 1e-20, total, ref intercept));
        Assert.Equal(0, beta[1]);
        for (int j = 0; j < 4; j++)
        {
            Assert.True(start[j] * beta[j] >= 0, $"coefficient {j} kept its sign: {beta[j]}");
        }
        var moved = beta.Zip(start, (b, s) => b - s).ToArray();
        Assert.True(Value(Model(rows, q, 0.05), moved, intercept, beta, l1, l2) < Value(Model(rows, q, 0.05), new double[4], 0, start, l1, l2) - 1e-6,
            "the model fell");
        // Solved again without column 1 (and any other stopped at 0 on the way): on the rest the gradient with its L1 and
        // ridge terms is 0.
        Assert.Contains(beta, b => b != 0);
        foreach (int j in Enumerable.Range(0, 4).Where(j => beta[j] != 0))
        {
            Assert.Equal(0, model.Q[j] - l1 * Math.Sign(beta[j]) - l2 * beta[j], 1e-12);
        }
        Assert.Equal(0, model.Q0, 1e-12);
    }

    [Fact]
    public void WhereTheSignsMakeACollinearSystemInconsistentTheNullDirectionZerosOneOfItsColumns()
    {
        // x₂ = x₀ + x₁ and all three positive: along d = (1, 1, −1) the smooth model is flat but the L1 term is not
        // (its slope l1·(1 + 1 − 1)), so no move on this support solves its system.
        var rows = Rows(collinear: true);
        var probe = Model(rows, new double[4], 0);
        double[] known = [0.4, 0.3, 0.6, 0.5];
        var q = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Sum(c => probe.H[r * 4 + c] * known[c])).ToArray();
        double q0 = Enumerable.Range(0, 4).Sum(c => probe.H0[c] * known[c]);
        double l1 = 0.002;
        var model = Model(rows, q, q0);
        double[] beta = [0.3, 0.1, 0.3, 0.4];
        var (total, intercept) = (new double[4], 0.0);
        Assert.True(ActiveSetStep.TryApply(model, beta, [0, 1, 2, 3], l1, 0, 1e-20, total, ref intercept));
        // Downhill along d the smaller of x₀'s and x₁'s coefficients reaches 0 first (x₁'s here), which is the minimiser's
        // support: the lasso's least ‖β‖₁ writes x₀'s and x₁'s shared part through x₂.
        Assert.Equal(0, beta[1]);
        // The model's minimiser: every non-zero coefficient's gradient balances its L1 term, every zero one's is inside it.
        for (int j = 0; j < 4; j++)
        {
            Assert.True(beta[j] != 0 ? Math.Abs(model.Q[j] - l1 * Math.Sign(beta[j])) < 1e-12 : Math.Abs(model.Q[j]) <= l1,
                $"column {j}: β {beta[j]}, gradient {model.Q[j]:E3}");
        }
        Assert.True(Math.Abs(model.Q0) < 1e-12, $"intercept gradient {model.Q0:E2}");
    }

    [Fact]
    public void WhereOnlyAZeroCoordinatesBoundFailsTheSupportsMinimiserIsTakenButNotCalledTheModels()
    {
        var rows = Rows(collinear: false);
        // Column 3 is at 0 with a gradient far past its bound: the minimiser on columns 0–2 is not the model's.
        double[] q = [0.02, -0.01, 0.015, 0.9];
        double l1 = 0.001;
        var model = Model(rows, q, 0.01);
        double[] beta = [0.5, -0.4, 0.3, 0];
        var (total, intercept) = (new double[4], 0.0);
        Assert.False(ActiveSetStep.TryApply(model, beta, [0, 1, 2, 3], l1, 0, 1e-20, total, ref intercept));
        Assert.Equal(0, beta[3]);
        // On the support the smooth model's gradient, with the L1 term, is 0: qⱼ − l1·sign(βⱼ) = 0.
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(0, model.Q[j] - l1 * Math.Sign(beta[j]), 1e-12);
        }
        Assert.Equal(0, model.Q0, 1e-12);
        Assert.True(Math.Abs(model.Q[3]) > l1, "column 3 still violates its bound, for the sweeps to take in");
    }

    [Fact]
    public void TwoInconsistentCollinearGroupsAreBothResolvedThroughTheFirstFactor()
    {
        // x₂ = 0.4(x₀ + x₁) and x₅ = 0.4(x₃ + x₄), each with the signs (+, +, −): both groups' equations are inconsistent.
        // The first null step sets β₂ to 0 (the dropped column: no border needed), the second, still inconsistent for x₅,
        // takes x₅'s null direction through the same factor — before, each stop factored the smaller system afresh.
        double[][] free =
        [
            [1, 0.5, 0.3, -0.2], [0.3, 1, -0.5, 0.4], [-0.1, 0.2, 0.8, 1], [0.6, -0.4, 0.2, 0.1],
            [0.2, 0.9, -0.1, -0.6], [-0.7, 0.1, 0.4, 0.5], [0.4, -0.3, -0.8, 0.2], [-0.2, 0.6, 0.1, -0.9],
        ];
        var rows = free.Select(x => new[] { x[0], x[1], 0.4 * (x[0] + x[1]), x[2], x[3], 0.4 * (x[2] + x[3]) }).ToArray();
        var probe = Model(rows, new double[6], 0);
        double[] known = [0.4, 0.3, 0, 0.5, 0.2, 0];
        var q = Enumerable.Range(0, 6).Select(r => Enumerable.Range(0, 6).Sum(c => probe.H[r * 6 + c] * known[c])).ToArray();
        double q0 = Enumerable.Range(0, 6).Sum(c => probe.H0[c] * known[c]);
        double l1 = 0.002;
        var model = Model(rows, q, q0);
        double[] beta = [0.3, 0.4, -0.05, 0.2, 0.3, -0.04];
        var (total, intercept) = (new double[6], 0.0);
        Assert.True(ActiveSetStep.TryApply(model, beta, [0, 1, 2, 3, 4, 5], l1, 0, 1e-20, total, ref intercept));
        Assert.Equal(0, beta[2]);
        Assert.Equal(0, beta[5]);
        Assert.Equal([0, 1, 2, 3, 4, 5], model.Factorisation!.Active);
        for (int j = 0; j < 6; j++)
        {
            Assert.True(beta[j] != 0 ? Math.Abs(model.Q[j] - l1 * Math.Sign(beta[j])) < 1e-12 : Math.Abs(model.Q[j]) <= l1,
                $"column {j}: β {beta[j]}, gradient {model.Q[j]:E3}");
        }
        Assert.True(Math.Abs(model.Q0) < 1e-12, $"intercept gradient {model.Q0:E2}");
    }
}
