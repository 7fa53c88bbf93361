using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The sparse sweeps' exact step on the support against the model's minimiser solved densely (Gaussian elimination over
/// the standardised columns written out): the coefficients, the intercept and the residual it leaves; and, where the
/// minimiser leaves the orthant, a step that stays on it, sets the leaving coefficients to exactly 0 and lowers the model.
/// </summary>
public sealed class SparseActiveSetStepTests
{
    private const int Rows = 240, Columns = 7;

    // Nearly collinear sparse columns (column 1 is column 0 with a few values changed): the case the step is for.
    private static (SparseStandardizedProblem Problem, double[][] Standardized) Problem()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, Columns)
            .Select(_ => random.NextDouble() < 0.3 ? Math.Round(random.NextDouble() * 8) / 4 : 0).ToArray()).ToList();
        foreach (var row in rows)
        {
            row[1] = random.NextDouble() < 0.9 ? row[0] : row[1];
        }
        var labels = rows.Select(r => r[0] + r[2] - r[3] + random.NextDouble() > 1.2 ? 1.0 : 0.0).ToArray();
        var problem = SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, Columns), labels), standardize: true);
        var standardized = rows.Select(r => Enumerable.Range(0, Columns).Select(j => (r[j] - problem.Mean(j)) / problem.Scale(j)).ToArray()).ToArray();
        return (problem, standardized);
    }

    private sealed record Setup(SparseStandardizedProblem Problem, double[][] X, double[] V, double[] Weighted, double[] Curvature,
        double[] CrossWeights, double[] FullResidual);

    // Curvature weights, the stored v·x values, each column's x̃ᵀVx̃ and Σvx, and a residual kept as ρ′ + c·v.
    private static (Setup Setup, SparseActiveSetStep.Residual State) Prepare(double c)
    {
        var (problem, x) = Problem();
        var v = Enumerable.Range(0, Rows).Select(i => (0.02 + (i % 9) * 0.02) / Rows).ToArray();
        var weighted = new double[problem.ColumnValues.Length];
        var crossWeights = new double[Columns];
        for (int j = 0; j < Columns; j++)
        {
            for (int s = problem.ColumnStart[j]; s < problem.ColumnStart[j + 1]; s++)
            {
                weighted[s] = v[problem.ColumnRows[s]] * problem.ColumnValues[s];
                crossWeights[j] += weighted[s];
            }
        }
        var curvature = Enumerable.Range(0, Columns).Select(j => Enumerable.Range(0, Rows).Sum(i => v[i] * x[i][j] * x[i][j])).ToArray();
        var random = new Random(5);
        var rho = Enumerable.Range(0, Rows).Select(_ => (random.NextDouble() - 0.4) / Rows).ToArray();
        var full = rho.Select((r, i) => r + c * v[i]).ToArray();
        var state = new SparseActiveSetStep.Residual(rho) { RhoSum = rho.Sum(), C = c, Intercept = 0.3 };
        return (new Setup(problem, x, v, weighted, curvature, crossWeights, full), state);
    }

    // The minimiser's move on `support` with its signs: (X̃ᵀVX̃ + l2·I | intercept row) d = X̃ᵀρ − l1·sign(β) − l2·β, Σρ.
    private static double[] DenseMove(Setup s, int[] support, double[] beta, double l1, double l2)
    {
        int k = support.Length, size = k + 1;
        double Column(int i, int r) => r < k ? s.X[i][support[r]] : 1;
        var m = new double[size, size + 1];
        for (int r = 0; r < size; r++)
        {
            for (int col = 0; col < size; col++)
            {
                m[r, col] = Enumerable.Range(0, Rows).Sum(i => s.V[i] * Column(i, r) * Column(i, col)) + (r == col && r < k ? l2 : 0);
            }
            double b = r < k ? beta[support[r]] : 0;
            m[r, size] = Enumerable.Range(0, Rows).Sum(i => Column(i, r) * s.FullResidual[i]) - (r < k ? l1 * Math.Sign(b) + l2 * b : 0);
        }
        for (int p = 0; p < size; p++)
        {
            for (int r = p + 1; r < size; r++)
            {
                double f = m[r, p] / m[p, p];
                for (int col = p; col <= size; col++)
                {
                    m[r, col] -= f * m[p, col];
                }
            }
        }
        var d = new double[size];
        for (int r = size - 1; r >= 0; r--)
        {
            double sum = m[r, size];
            for (int col = r + 1; col < size; col++)
            {
                sum -= m[r, col] * d[col];
            }
            d[r] = sum / m[r, r];
        }
        return d;
    }

    private static SparseActiveSetStep.Outcome Apply(Setup s, SparseActiveSetStep.Residual state, double[] beta, double l1, double l2)
    {
        var columns = Enumerable.Range(0, Columns).ToArray();
        var step = new SparseActiveSetStep(s.Problem, s.V, s.V.Sum(), s.Weighted);
        return step.TryApply(columns, beta, s.Curvature, s.CrossWeights, l1, l2, threshold: 1e-30, state, new double[Columns]);
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.002, 0.01)]
    public void OnItsSupportAndSignsTheStepIsTheModelsMinimiserAndLeavesItsResidual(double l1, double l2)
    {
        var (s, state) = Prepare(c: 0.15);
        double[] beta = [0.4, 0.35, 0.1, 0, -0.1, 0, -0.3];
        int[] support = l1 == 0 ? [0, 1, 2, 3, 4, 5, 6] : [0, 1, 2, 4, 6];
        var move = DenseMove(s, support, beta, l1, l2);
        var expected = (double[])beta.Clone();
        for (int r = 0; r < support.Length; r++)
        {
            expected[support[r]] += move[r];
            Assert.True(l1 == 0 || Math.Sign(expected[support[r]]) == Math.Sign(beta[support[r]]), $"the minimiser keeps the signs: {string.Join(", ", expected)}");
        }
        double intercept = state.Intercept;
        Assert.Equal(SparseActiveSetStep.Outcome.Minimiser, Apply(s, state, beta, l1, l2));
        for (int j = 0; j < Columns; j++)
        {
            Assert.Equal(expected[j], beta[j], 1e-10);
        }
        Assert.Equal(intercept + move[^1], state.Intercept, 1e-10);
        Assert.Equal(move[^1], state.InterceptTotal, 1e-10);
        // The residual left is the model's: ρ − V·(X̃ᵢ·Δβ + Δb), kept as ρ′ + c·v with its sum.
        for (int i = 0; i < Rows; i++)
        {
            double moved = move[^1] + support.Select((j, r) => s.X[i][j] * move[r]).Sum();
            Assert.Equal(s.FullResidual[i] - s.V[i] * moved, state.Rho[i] + state.C * s.V[i], 1e-13);
        }
        Assert.Equal(state.Rho.Sum(), state.RhoSum, 1e-13);
    }

    [Fact]
    public void WhereTheMinimiserLeavesTheOrthantTheStepStaysOnItAndLowersTheModel()
    {
        var (s, state) = Prepare(c: 0);
        // A tiny coefficient against the residual's pull: the minimiser on the signs takes it across 0.
        double[] beta = [0.4, 1e-4, -0.2, 0, 0.1, 0, -0.3];
        double l1 = 0.001, l2 = 0.01;
        var before = ModelValue(s, beta, beta, 0, l1, l2);
        var full = DenseMove(s, [0, 1, 2, 4, 6], beta, l1, l2);
        Assert.True(beta[1] + full[1] < 0, "the set-up's minimiser leaves the orthant");
        var start = (double[])beta.Clone();
        var outcome = Apply(s, state, beta, l1, l2);
        Assert.NotEqual(SparseActiveSetStep.Outcome.Minimiser, outcome);
        Assert.Equal(0, beta[1]);
        for (int j = 0; j < Columns; j++)
        {
            Assert.True(start[j] * beta[j] >= 0, $"coefficient {j} kept its sign");
        }
        Assert.True(ModelValue(s, start, beta, state.InterceptTotal, l1, l2) < before - 1e-12, "the model fell");
    }

    // The model with its penalty at `beta`, moved from `start` (the intercept by `interceptMove`):
    // −ρᵀ(X̃Δ + Δb) + ½Σvᵢ(X̃ᵢΔ + Δb)² + l1‖β‖₁ + l2/2‖β‖².
    private static double ModelValue(Setup s, double[] start, double[] beta, double interceptMove, double l1, double l2)
    {
        double value = 0;
        for (int i = 0; i < Rows; i++)
        {
            double moved = interceptMove + Enumerable.Range(0, Columns).Sum(j => s.X[i][j] * (beta[j] - start[j]));
            value += -s.FullResidual[i] * moved + 0.5 * s.V[i] * moved * moved;
        }
        return value + beta.Sum(b => l1 * Math.Abs(b) + 0.5 * l2 * b * b);
    }
}
