using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The margins a binary sparse solve's steps leave behind, and the linear part a one-step solve with offsets moves (the
/// multinomial rounds'; <see cref="StepMargins"/>, derived from the model's residual), are those of the coefficients it
/// ended at — on rows of moderate fit, on rows fitted nearly with certainty, and with
/// weights, some zero and some so small that their rows stay far on the wrong side (residual ≈ weight, curvature ≈ 0:
/// derived, their margins lost 9e-10 at λ = 0.001; they take their exact margins).
/// </summary>
public sealed class StepMarginsTests
{
    public static TheoryData<string> Sets => new() { "moderate", "nearly separable", "weighted" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void TheMarginsLeftBehindAreThoseOfTheCoefficientsTheSolveEndedAt(string set)
    {
        var data = Set(set);
        var problem = SparseStandardizedProblem.Of(data, standardize: true);
        int d = problem.FeatureCount;
        var beta = new double[d];
        var all = Enumerable.Range(0, d).ToArray();
        double threshold = 1e-9 * problem.NullDeviancePerWeight, intercept = problem.NullIntercept;
        int certain = 0;
        // Down a short path, each λ from where the last ended: the margins are carried across many steps.
        foreach (double lambda in new[] { 0.05, 0.02, 0.008, 0.003, 0.001 })
        {
            intercept = problem.Solve(all, beta, intercept, lambda, 0.5, threshold, newtonSteps: 100);
            Assert.True(problem.LastSolveSettled);
            var exact = new double[problem.RowCount];
            problem.LinearPart(beta, intercept, exact);
            var carried = problem.MarginBuffer;
            for (int i = 0; i < exact.Length; i++)
            {
                Assert.True(Math.Abs(carried[i] - exact[i]) <= 1e-11 * (1 + Math.Abs(exact[i])),
                    $"{set}, λ = {lambda}, row {i}: carried {carried[i]:R}, exact {exact[i]:R}");
            }
            certain = exact.Count(eta => Math.Abs(eta) > 3);
        }
        // The nearly separable rows end mostly fitted with certainty (|η| > 3: p(1 − p) < 0.05), the rows taking exact margins.
        Assert.True(set != "nearly separable" || certain > 100, $"{certain} rows fitted with certainty");
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void AOneStepSolveWithOffsetsCarriesTheLinearPartItWasGiven(string set)
    {
        // As the multinomial rounds solve a class: offsets (the other classes' log-sum-exp), the class's linear part given,
        // one Newton step — which moves that array to the linear part where it ended.
        var problem = SparseStandardizedProblem.Of(Set(set), standardize: true);
        int n = problem.RowCount, d = problem.FeatureCount;
        var random = new Random(3);
        problem.Offsets = Enumerable.Range(0, n).Select(_ => -Math.Log(1 + Math.Exp(random.NextDouble() * 4 - 2))).ToArray();
        var beta = new double[d];
        var all = Enumerable.Range(0, d).ToArray();
        double intercept = 0.3, threshold = 1e-9 * problem.NullDeviancePerWeight;
        for (int round = 0; round < 6; round++)
        {
            var linear = new double[n];
            problem.LinearPart(beta, intercept, linear);
            problem.StartingLinearPart = linear;
            intercept = problem.Solve(all, beta, intercept, 0.002, 0.5, threshold, newtonSteps: 1);
            Assert.True(problem.LastSolveMovedLinearPart);
            var exact = new double[n];
            problem.LinearPart(beta, intercept, exact);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(linear[i] - exact[i]) <= 1e-11 * (1 + Math.Abs(exact[i])),
                    $"{set}, round {round}, row {i}: carried {linear[i]:R}, exact {exact[i]:R}");
            }
        }
    }

    private static TrainingSet Set(string name)
    {
        var random = new Random(name.Length);
        int n = 1200, d = 300;
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d)
            .Select(_ => random.NextDouble() < 0.05 ? Math.Round(random.NextDouble() * 8) / 4 + 0.25 : 0).ToArray()).ToList();
        double gain = name == "nearly separable" ? 60 : 1.5;
        var labels = rows.Select(r => gain * (r[0] + r[1] - r[2] - r[3] + r[4] - 0.3) + random.NextDouble() - 0.5 > 0 ? 1.0 : 0.0).ToArray();
        // A few labels flipped: rows fitted with certainty on the wrong side, whose residual is their whole weight while
        // their curvature is nearly none — where the carried margin would lose the most digits.
        for (int i = 0; i < n; i += 37)
        {
            labels[i] = 1 - labels[i];
        }
        // Weighted: some rows left out (weight 0), and the flipped rows nearly so, which lets them stay far on the wrong side.
        double[]? weights = name == "weighted"
            ? Enumerable.Range(0, n).Select(i => i % 37 == 0 ? 1e-4 : i % 7 == 0 ? 0 : 0.5 + random.NextDouble()).ToArray()
            : null;
        return new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels, weights);
    }
}
