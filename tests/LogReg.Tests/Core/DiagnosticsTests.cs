using LogReg.Core.Diagnostics;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

public class DiagnosticsTests
{
    [Theory]
    [InlineData(LossKind.BinaryCrossEntropy)]
    [InlineData(LossKind.MeanSquaredError)]
    public void GradientCheckPassesForTheLibrarysObjectives(LossKind loss)
    {
        var f = ObjectiveFactory.Create(ReferenceData.Spector.Dense(), loss, l2: 1);
        var result = ObjectiveDiagnostics.CheckGradient(f, new[] { 0.3, -0.02, 0.5, -1.0 });
        Assert.Equal(4, result.Entries.Count);
        Assert.InRange(result.MaxRelativeError, 0, 1e-6);
    }

    [Fact]
    public void CentredBiasCoordinatesKeepTheObjectiveAndItsDerivatives()
    {
        var inner = ObjectiveFactory.Create(ReferenceData.Spector.Dense(), LossKind.BinaryCrossEntropy, l2: 1, l1: 0.5);
        var centred = new CenteredBiasObjective(inner);
        var u = new[] { 0.3, -0.02, 0.5, -1.0 };
        var theta = new double[4];
        centred.ToOriginal(u, theta);
        Assert.Equal(u.Take(3), theta.Take(3));
        Assert.Equal(inner.SmoothValue(theta), centred.SmoothValue(u), 1e-12);
        Assert.InRange(ObjectiveDiagnostics.CheckGradient(centred, u).MaxRelativeError, 0, 1e-6);
        // Hessian product against finite differences of the gradient.
        var v = new[] { 0.1, 0.2, -0.3, 0.4 };
        var hv = new double[4];
        centred.HessianAt(u).Multiply(v, hv);
        var gp = new double[4];
        var gm = new double[4];
        const double h = 1e-5;
        centred.SmoothValueAndGradient(u.Zip(v, (a, b) => a + h * b).ToArray(), gp);
        centred.SmoothValueAndGradient(u.Zip(v, (a, b) => a - h * b).ToArray(), gm);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal((gp[j] - gm[j]) / (2 * h), hv[j], 1e-5 * Math.Max(1, Math.Abs(hv[j])));
        }
    }

    [Fact]
    public void GradientCheckCatchesAWrongGradient()
    {
        var f = ObjectiveFactory.Create(ReferenceData.Spector.Dense(), LossKind.BinaryCrossEntropy, l2: 1);
        var wrong = new ScaledGradient(f, 1.01);
        var result = ObjectiveDiagnostics.CheckGradient(wrong, new[] { 0.3, -0.02, 0.5, -1.0 });
        Assert.InRange(result.MaxRelativeError, 0.005, 0.02);
    }

    [Fact]
    public void ConvexityCheckSeparatesBceFromMse()
    {
        var data = ReferenceData.Spector.Dense();
        var bce = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy);
        var mse = ObjectiveFactory.Create(data, LossKind.MeanSquaredError);
        var point = new[] { 2.0, -0.3, 3.0, 1.0 };
        var b = ObjectiveDiagnostics.CheckConvexity(bce, point);
        Assert.True(b.IsLocallyConvex);
        Assert.Equal(0, b.NegativeCount);
        var m = ObjectiveDiagnostics.CheckConvexity(mse, point);
        Assert.False(m.IsLocallyConvex);
        Assert.True(m.Min < 0 && m.NegativeCount >= 1);
        Assert.Equal(4, m.Eigenvalues.Count);
    }

    [Fact]
    public void LossAlongALineAndOverASliceUseTheObjective()
    {
        var data = ReferenceData.Spector.Dense();
        var f = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, l2: 1, l1: 0.5);
        var (model, modelFit) = LogisticRegressionTrainer.Train(data, new TrainerOptions { L1Regularization = 0.5, Optimizer = OptimizerKind.Lbfgs });
        var optimum = model.GetWeights().Append(model.Bias).ToArray();
        var direction = new[] { 1.0, 0.0, 0.0, 0.0 };
        var steps = new[] { -0.5, -0.1, 0.0, 0.1, 0.5 };
        var line = ObjectiveDiagnostics.LossAlongLine(f, optimum, direction, steps);
        Assert.Equal(f.Value(optimum), line[2], 1e-12);
        Assert.True(line.All(v => v >= line[2] - 1e-9), "the optimum is the lowest point on the line");
        var slice = ObjectiveDiagnostics.LossSlice(f, optimum, direction, new[] { 0.0, 0.0, 1.0, 0.0 }, steps, steps);
        Assert.Equal(line[4], slice[4, 2], 1e-12);
        Assert.Equal(f.Value(optimum.Select((v, j) => v + (j == 0 ? 0.1 : j == 2 ? -0.5 : 0)).ToArray()), slice[3, 0], 1e-12);
    }

    private sealed class ScaledGradient : LogReg.Core.Optimization.IDifferentiableObjective
    {
        private readonly LogReg.Core.Optimization.IDifferentiableObjective _inner;
        private readonly double _scale;

        public ScaledGradient(LogReg.Core.Optimization.IDifferentiableObjective inner, double scale)
        {
            _inner = inner;
            _scale = scale;
        }

        public int Dimension => _inner.Dimension;

        public LogReg.Core.Penalties.ElasticNetPenalty Penalty => _inner.Penalty;

        public double SmoothValue(ReadOnlySpan<double> x) => _inner.SmoothValue(x);

        public double SmoothValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
        {
            double v = _inner.SmoothValueAndGradient(x, g);
            for (int j = 0; j < g.Length; j++)
            {
                g[j] *= _scale;
            }
            return v;
        }

        public LogReg.Core.Optimization.ICurvature HessianAt(ReadOnlySpan<double> x, bool gaussNewton = false) => _inner.HessianAt(x, gaussNewton);
    }
}
