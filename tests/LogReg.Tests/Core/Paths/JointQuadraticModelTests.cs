using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// The multinomial Newton step's quadratic model, minimised with the penalty: its optimality conditions hold at the
/// result — on a softmax Hessian (singular along the classes' common moves) with a softmax gradient, for odd and even K,
/// the lasso (whose ties along a feature's K coefficients the active-set method must not trip on), ridge, the elastic net
/// and no penalty.
/// </summary>
public sealed class JointQuadraticModelTests
{
    [Theory]
    [InlineData(3, 0.02, 0.0)]
    [InlineData(4, 0.02, 0.0)]
    [InlineData(4, 0.001, 0.0)]
    [InlineData(5, 0.0, 0.05)]
    [InlineData(3, 0.01, 0.01)]
    [InlineData(6, 0.005, 0.02)]
    [InlineData(3, 0.0, 0.0)]
    public void TheMinimiserMeetsTheOptimalityConditions(int classes, double l1, double l2)
    {
        const int n = 200, m = 6, stride = m + 1;
        int size = classes * stride;
        var random = new Random(40 + classes);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, m).Select(_ => random.NextDouble() * 2 - 1).Append(1.0).ToArray()).ToArray();
        var probabilities = Enumerable.Range(0, n).Select(_ =>
        {
            var e = Enumerable.Range(0, classes).Select(_ => Math.Exp(2 * random.NextDouble())).ToArray();
            return e.Select(x => x / e.Sum()).ToArray();
        }).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        // Σᵢ x̃ᵢx̃ᵢᵀ(δₖₗpᵢₖ − pᵢₖpᵢₗ)/n and Σᵢ x̃ᵢ(yᵢₖ − pᵢₖ)/n, the loss's Hessian and negative gradient at these probabilities.
        var hessian = new double[size * size];
        var gradient = new double[size];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                for (int a = 0; a < stride; a++)
                {
                    gradient[c * stride + a] += rows[i][a] * ((labels[i] == c ? 1 : 0) - probabilities[i][c]) / n;
                    for (int e = 0; e < classes; e++)
                    {
                        double curvature = ((c == e ? probabilities[i][c] : 0) - probabilities[i][c] * probabilities[i][e]) / n;
                        for (int b = 0; b < stride; b++)
                        {
                            hessian[(c * stride + a) * size + e * stride + b] += curvature * rows[i][a] * rows[i][b];
                        }
                    }
                }
            }
        }
        var value = new double[size];
        var q = (double[])gradient.Clone();
        new JointQuadraticModel(hessian, size, stride).Minimise(value, q, l1, l2, threshold: 1e-20);
        // q must be the negative gradient at the result, then the conditions: intercepts at zero gradient; a non-zero
        // coefficient's gradient balanced by its penalty; a zero one's within the L1 bound.
        for (int v = 0; v < size; v++)
        {
            double expected = gradient[v];
            for (int u = 0; u < size; u++)
            {
                expected -= hessian[v * size + u] * value[u];
            }
            Assert.Equal(expected, q[v], 1e-12);
            double residual = v % stride == m ? q[v]
                : value[v] != 0 ? q[v] - l2 * value[v] - l1 * Math.Sign(value[v])
                : Math.Max(0, Math.Abs(q[v]) - l1);
            Assert.True(Math.Abs(residual) <= 1e-10, $"variable {v} (class {v / stride}, column {v % stride}): value {value[v]:R}, residual {residual:R}");
        }
        Assert.Contains(value, x => x != 0);
    }
}
