using LogReg.Core.Objectives;
using LogReg.Core.Optimization;
using LogReg.Core.Training;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// L-BFGS's memory: the two-loop recursion is the BFGS inverse update of its pairs; single-precision pairs with fused
/// loops give the double pairs' direction at every remainder of the vector width; a refused pair leaves the memory as
/// it was; and a softmax fit large enough for single pairs ends at Newton's optimum, the same bits at 1 and 2 threads.
/// </summary>
public class LbfgsMemoryTests
{
    // Pairs exactly representable in float (so both memories hold the same values), with sᵀy > 0 (y = A·s + a little).
    private static (double[] S, double[] Y)[] Pairs(int n, int count, int seed)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, n).Select(_ => 0.5 + 4 * random.NextDouble()).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var s = Enumerable.Range(0, n).Select(_ => (double)(float)(random.NextDouble() * 2 - 1)).ToArray();
            var y = s.Select((v, j) => (double)(float)(a[j] * v + 0.01 * (random.NextDouble() - 0.5))).ToArray();
            return (s, y);
        }).ToArray();
    }

    private static void Store(LbfgsMemory memory, (double[] S, double[] Y) pair)
    {
        var zero = new double[pair.S.Length];
        Assert.True(memory.TryStore(zero, pair.S, zero, pair.Y));
    }

    private static double[] Direction(LbfgsMemory memory, double[] v, IPreconditioner? preconditioner)
    {
        var d = (double[])v.Clone();
        memory.Apply(d, preconditioner, new double[v.Length]);
        return d;
    }

    [Fact]
    public void TwoLoopRecursionIsTheBfgsInverseUpdateOfItsPairs()
    {
        const int n = 6;
        var pairs = Pairs(n, 3, seed: 1);
        var v = Enumerable.Range(0, n).Select(j => Math.Sin(j + 1.0)).ToArray();
        foreach (var memory in new LbfgsMemory[] { new DoubleLbfgsMemory(n, 5), new SingleLbfgsMemory(n, 5) })
        {
            foreach (var pair in pairs)
            {
                Store(memory, pair);
            }
            // H₀ = γI with γ = sᵀy/yᵀy of the newest pair, then H ← (I − ρsyᵀ)·H·(I − ρysᵀ) + ρssᵀ oldest to newest.
            var (sn, yn) = pairs[^1];
            double gamma = Dot(sn, yn) / Dot(yn, yn);
            var h = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                h[i, i] = gamma;
            }
            foreach (var (s, y) in pairs)
            {
                double rho = 1 / Dot(s, y);
                var left = new double[n, n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        left[i, j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
                    }
                }
                var next = new double[n, n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double sum = 0;
                        for (int p = 0; p < n; p++)
                        {
                            for (int q = 0; q < n; q++)
                            {
                                sum += left[i, p] * h[p, q] * left[j, q];
                            }
                        }
                        next[i, j] = sum + rho * s[i] * s[j];
                    }
                }
                h = next;
            }
            var expected = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => h[i, j] * v[j])).ToArray();
            NumericAssert.Close(expected, Direction(memory, v, null), 1e-12, memory.GetType().Name);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SinglePairsGiveTheDoublePairsDirectionAtEveryWidthRemainder(bool preconditioned)
    {
        for (int n = 1; n <= 37; n++)
        {
            var pairs = Pairs(n, 7, seed: n);
            var single = new SingleLbfgsMemory(n, 4);
            var twin = new DoubleLbfgsMemory(n, 4);
            foreach (var pair in pairs)
            {
                // Seven pairs into four slots: the ring wraps.
                Store(single, pair);
                Store(twin, pair);
            }
            var random = new Random(100 + n);
            var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var preconditioner = preconditioned ? new DiagonalPreconditioner(Enumerable.Range(0, n).Select(j => 1.0 + j % 5).ToArray()) : null;
            var expected = Direction(twin, v, preconditioner);
            NumericAssert.Close(expected, Direction(single, v, preconditioner), 1e-11, $"n = {n}");
        }
    }

    [Fact]
    public void SinglePairsFarOutsideFloatsRangeGiveTheDoublePairsDirection()
    {
        // Steps of 1e-42 and gradient changes of 1e42 (example weights far from 1): unscaled, float would flush the steps
        // to zero and the changes to infinity and refuse every pair. Scaled by powers of two, they are the same numbers.
        const int n = 29;
        double tiny = Math.ScaleB(1.0, -140), huge = Math.ScaleB(1.0, 140);
        var pairs = Pairs(n, 5, seed: 21).Select(p => (p.S.Select(v => v * tiny).ToArray(), p.Y.Select(v => v * huge).ToArray())).ToArray();
        var single = new SingleLbfgsMemory(n, 3);
        var twin = new DoubleLbfgsMemory(n, 3);
        foreach (var pair in pairs)
        {
            Store(single, pair);
            Store(twin, pair);
        }
        var v = Enumerable.Range(0, n).Select(j => Math.Sin(3.0 * j)).ToArray();
        var preconditioner = new DiagonalPreconditioner(Enumerable.Range(0, n).Select(j => 1e84 * (1.0 + j % 3)).ToArray());
        foreach (var p in new IPreconditioner?[] { null, preconditioner })
        {
            var expected = Direction(twin, v, p);
            var actual = Direction(single, v, p);
            for (int j = 0; j < n; j++)
            {
                NumericAssert.Relative(expected[j], actual[j], 1e-11, $"d[{j}]");
            }
        }
    }

    [Fact]
    public void RefusedPairLeavesTheMemoryAsItWas()
    {
        const int n = 19;
        var pairs = Pairs(n, 3, seed: 8);
        foreach (var make in new Func<LbfgsMemory>[] { () => new DoubleLbfgsMemory(n, 3), () => new SingleLbfgsMemory(n, 3) })
        {
            var offered = make();
            var clean = make();
            foreach (var pair in pairs)
            {
                Store(offered, pair);
                Store(clean, pair);
            }
            // sᵀy < 0: refused, and with the memory full it must not overwrite the oldest pair.
            var zero = new double[n];
            Assert.False(offered.TryStore(zero, pairs[0].S, zero, pairs[0].Y.Select(v => -v).ToArray()));
            Assert.Equal(3, offered.Count);
            var v = Enumerable.Range(0, n).Select(j => Math.Cos(j)).ToArray();
            Assert.Equal(Direction(clean, v, null), Direction(offered, v, null));
        }
    }

    [Fact]
    public void SoftmaxFitWithSinglePrecisionPairsEndsAtNewtonsOptimum()
    {
        // 4 classes × 33,000 words: 132,004 parameters, past the point where L-BFGS keeps its pairs in single precision.
        const int d = 33_000, classes = 4;
        Assert.True(classes * (d + 1) >= LbfgsMemory.SinglePrecisionFrom);
        var set = SoftmaxPassTests.WideSparse(3000, d, classes, seed: 12, out _);
        var options = new TrainerOptions { L2Regularization = 0.05 };
        var lbfgs = SoftmaxRegressionTrainer.Train(set, options with { Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8, NumberOfThreads = 2 });
        // The pairs are rounded and summed in one order whatever the passes' threads: the same bits at 1 and 2 threads.
        var oneThread = SoftmaxRegressionTrainer.Train(set, options with { Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-8, NumberOfThreads = 1 });
        Assert.Equal(oneThread.Report.Optimization.Minimizer, lbfgs.Report.Optimization.Minimizer);
        var newton = SoftmaxRegressionTrainer.Train(set, options with { Optimizer = OptimizerKind.Newton, OptimizationTolerance = 1e-12 });
        Assert.True(lbfgs.Report.Optimization.Converged, lbfgs.Report.Optimization.Message);
        Assert.True(newton.Report.Optimization.Converged, newton.Report.Optimization.Message);
        double objective = newton.Report.Optimization.Objective;
        NumericAssert.Relative(objective, lbfgs.Report.Optimization.Objective, 1e-9, "L-BFGS's objective against Newton's");
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
