using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Numerics;
using LogReg.Core.Objectives;
using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

public class ObjectiveTests
{
    public static TheoryData<LossKind, bool> Cases()
    {
        var data = new TheoryData<LossKind, bool>();
        foreach (var loss in new[] { LossKind.BinaryCrossEntropy, LossKind.MeanSquaredError })
        {
            data.Add(loss, false);
            data.Add(loss, true);
        }
        return data;
    }

    /// <summary>A small random problem with example weights, half the entries zero.</summary>
    private static TrainingSet Problem(bool sparse, int n = 60, int d = 7, int seed = 42, bool weights = true)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble() < 0.5 ? 0.0 : rng.NextDouble() * 4 - 2).ToArray()).ToList();
        var labels = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var s = weights ? Enumerable.Range(0, n).Select(_ => 0.25 + rng.NextDouble() * 2).ToArray() : null;
        DesignMatrix x = sparse ? SparseMatrix.FromDenseRows(rows, d) : DenseMatrix.FromRows(rows);
        return new TrainingSet(x, labels, s);
    }

    private static double[] RandomPoint(int dimension, int seed, double scale = 1.0)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, dimension).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientMatchesCentralFiniteDifferences(LossKind loss, bool sparse)
    {
        var f = ObjectiveFactory.Create(Problem(sparse), loss, l2: 0.7);
        for (int trial = 0; trial < 3; trial++)
        {
            var theta = RandomPoint(f.Dimension, trial);
            var g = new double[f.Dimension];
            f.SmoothValueAndGradient(theta, g);
            for (int j = 0; j < f.Dimension; j++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[j] += h;
                minus[j] -= h;
                double fd = (f.SmoothValue(plus) - f.SmoothValue(minus)) / (2 * h);
                Assert.True(Math.Abs(fd - g[j]) <= 1e-6 * Math.Max(Math.Abs(g[j]), 1.0), $"coordinate {j}: {g[j]} vs {fd}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HessianVectorProductMatchesFiniteDifferencesOfTheGradientAndTheDenseHessian(LossKind loss, bool sparse)
    {
        var f = ObjectiveFactory.Create(Problem(sparse), loss, l2: 0.7);
        int m = f.Dimension;
        var theta = RandomPoint(m, 3);
        var v = RandomPoint(m, 4);
        var hessian = f.HessianAt(theta);
        var hv = new double[m];
        hessian.Multiply(v, hv);
        const double h = 1e-5;
        var gp = new double[m];
        var gm = new double[m];
        f.SmoothValueAndGradient(theta.Zip(v, (a, b) => a + h * b).ToArray(), gp);
        f.SmoothValueAndGradient(theta.Zip(v, (a, b) => a - h * b).ToArray(), gm);
        var dense = hessian.ToDense();
        double scale = Math.Max(1.0, VectorKernels.MaxAbs(hv));
        for (int i = 0; i < m; i++)
        {
            double fd = (gp[i] - gm[i]) / (2 * h);
            Assert.True(Math.Abs(fd - hv[i]) <= 1e-6 * scale, $"Hv[{i}] = {hv[i]} vs finite difference {fd}");
            double fromDense = 0;
            for (int j = 0; j < m; j++)
            {
                fromDense += dense[i * m + j] * v[j];
                Assert.Equal(dense[i * m + j], dense[j * m + i]);
            }
            Assert.Equal(hv[i], fromDense, 1e-10 * scale);
        }
    }

    [Theory]
    [InlineData(LossKind.BinaryCrossEntropy)]
    [InlineData(LossKind.MeanSquaredError)]
    public void EveryEntryPointAgreesAndDenseEqualsSparse(LossKind loss)
    {
        var dense = ObjectiveFactory.Create(Problem(false), loss, l2: 0.3, l1: 0.2);
        var sparse = ObjectiveFactory.Create(Problem(true), loss, l2: 0.3, l1: 0.2);
        var theta = RandomPoint(dense.Dimension, 9);
        var g1 = new double[dense.Dimension];
        var g2 = new double[dense.Dimension];
        double v1 = dense.SmoothValueAndGradient(theta, g1) + dense.Penalty.L1Value(theta);
        double v2 = sparse.SmoothValueAndGradient(theta, g2) + sparse.Penalty.L1Value(theta);
        Assert.Equal(v1, v2, 1e-12 * Math.Abs(v1));
        Assert.Equal(v1, dense.Value(theta), 1e-12 * Math.Abs(v1));
        Assert.Equal(dense.SmoothValue(theta) + 0.2 * theta.Take(dense.FeatureCount).Sum(Math.Abs), v1, 1e-12 * Math.Abs(v1));
        for (int j = 0; j < g1.Length; j++)
        {
            Assert.Equal(g1[j], g2[j], 1e-12 * Math.Max(1, Math.Abs(g1[j])));
        }
        Assert.Equal(dense.HessianAt(theta).ToDense(), sparse.HessianAt(theta).ToDense(), new Tolerance(1e-12));
    }

    [Fact]
    public void SparseSpareCapacityIsNeverRead()
    {
        var exact = (SparseMatrix)Problem(true, weights: false).Features;
        int n = exact.RowCount;
        var rowStart = new long[n + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < n; i++)
        {
            indices.AddRange(exact.RowIndices(i).ToArray());
            values.AddRange(exact.RowValues(i).ToArray());
            rowStart[i + 1] = indices.Count;
        }
        // Ten spare slots holding garbage.
        var padded = new SparseMatrix(n, exact.ColumnCount, rowStart,
            indices.Concat(Enumerable.Repeat(3, 10)).ToArray(), values.Concat(Enumerable.Repeat(1e30f, 10)).ToArray());
        Assert.Equal(exact.StoredValueCount, padded.StoredValueCount);
        var labels = Problem(true, weights: false).Labels;
        var a = ObjectiveFactory.Create(new TrainingSet(exact, labels), LossKind.BinaryCrossEntropy, 1);
        var b = ObjectiveFactory.Create(new TrainingSet(padded, labels), LossKind.BinaryCrossEntropy, 1);
        var theta = RandomPoint(a.Dimension, 5);
        Assert.Equal(a.SmoothValue(theta), b.SmoothValue(theta));
    }

    [Fact]
    public void ExampleWeightsEqualRepeatedRows()
    {
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToList();
        var labels = rows.Select((_, i) => (double)(i % 3 == 0 ? 1 : 0)).ToArray();
        var counts = rows.Select((_, i) => 1 + i % 4).ToArray();
        var weighted = new TrainingSet(DenseMatrix.FromRows(rows), labels, counts.Select(c => (double)c).ToArray());
        var repeatedRows = rows.SelectMany((r, i) => Enumerable.Repeat(r, counts[i])).ToList();
        var repeatedLabels = labels.SelectMany((y, i) => Enumerable.Repeat(y, counts[i])).ToArray();
        var repeated = new TrainingSet(DenseMatrix.FromRows(repeatedRows), repeatedLabels);
        foreach (var loss in new[] { LossKind.BinaryCrossEntropy, LossKind.MeanSquaredError })
        {
            var a = ObjectiveFactory.Create(weighted, loss, l2: 1);
            var b = ObjectiveFactory.Create(repeated, loss, l2: 1);
            var theta = RandomPoint(a.Dimension, 1);
            var ga = new double[a.Dimension];
            var gb = new double[a.Dimension];
            Assert.Equal(b.SmoothValueAndGradient(theta, gb), a.SmoothValueAndGradient(theta, ga), 1e-12 * 100);
            Assert.Equal(gb, ga, new Tolerance(1e-11));
            Assert.Equal(b.HessianAt(theta).ToDense(), a.HessianAt(theta).ToDense(), new Tolerance(1e-11));
        }
    }

    [Fact]
    public void InterceptEqualsAnAppendedColumnOfOnesWithoutItsPenalty()
    {
        var rng = new Random(8);
        var rows = Enumerable.Range(0, 25).Select(_ => Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToList();
        var labels = rows.Select((_, i) => (double)(i % 2)).ToArray();
        var plain = ObjectiveFactory.Create(new TrainingSet(DenseMatrix.FromRows(rows), labels), LossKind.BinaryCrossEntropy, l2: 0);
        var withOnes = ObjectiveFactory.Create(new TrainingSet(DenseMatrix.FromRows(rows.Select(r => r.Append(1.0).ToArray()).ToList()), labels), LossKind.BinaryCrossEntropy, l2: 0);
        var theta = RandomPoint(4, 2);
        // (w, b) on X equals (w, b, 0) on [X, 1]: the bias is the weight of a column of ones.
        var onesWeightIsBias = new[] { theta[0], theta[1], theta[2], theta[3], 0.0 };
        Assert.Equal(plain.SmoothValue(theta), withOnes.SmoothValue(onesWeightIsBias), 1e-12);
        // With L2 > 0 the bias is not penalised: changing b changes only the data term.
        var penalised = ObjectiveFactory.Create(new TrainingSet(DenseMatrix.FromRows(rows), labels), LossKind.BinaryCrossEntropy, l2: 5);
        Assert.Equal(penalised.SmoothValue(theta) - plain.SmoothValue(theta), 2.5 * theta.Take(3).Sum(w => w * w), 1e-12);
    }

    [Fact]
    public void BceHessianIsPositiveSemidefiniteAtRandomPoints()
    {
        var data = ReferenceData.Spector.Dense();
        var f = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, l2: 0);
        for (int trial = 0; trial < 50; trial++)
        {
            var eig = DenseLinearAlgebra.SymmetricEigenvalues(f.HessianAt(RandomPoint(f.Dimension, trial, 3.0)).ToDense(), f.Dimension);
            Assert.True(eig[0] >= -1e-12 * Math.Max(1, eig[^1]), $"trial {trial}: smallest eigenvalue {eig[0]}");
        }
    }

    [Fact]
    public void MseHessianHasANegativeEigenvalueSomewhere()
    {
        var data = ReferenceData.Spector.Dense();
        var f = ObjectiveFactory.Create(data, LossKind.MeanSquaredError, l2: 0);
        double smallest = double.PositiveInfinity;
        for (int trial = 0; trial < 50 && smallest >= 0; trial++)
        {
            var eig = DenseLinearAlgebra.SymmetricEigenvalues(f.HessianAt(RandomPoint(f.Dimension, trial, 3.0)).ToDense(), f.Dimension);
            smallest = Math.Min(smallest, eig[0]);
        }
        Assert.True(smallest < 0, "MSE on the sigmoid should be non-convex (seed 1.6)");
        // The Gauss–Newton curvature is always positive semi-definite.
        var gn = DenseLinearAlgebra.SymmetricEigenvalues(f.HessianAt(RandomPoint(f.Dimension, 0, 3.0), gaussNewton: true).ToDense(), f.Dimension);
        Assert.True(gn[0] >= -1e-12 * gn[^1]);
    }

    [Fact]
    public void ThreadCountDoesNotChangeAnyBit()
    {
        var rows = Enumerable.Range(0, 9000).Select(i => new[] { Math.Sin(i), Math.Cos(i * 0.7), (i % 13) / 13.0 }).ToList();
        var labels = rows.Select((r, i) => r[0] + r[1] > 0.2 ? 1.0 : 0.0).ToArray();
        var set = new TrainingSet(DenseMatrix.FromRows(rows), labels);
        var theta = new[] { 0.3, -0.2, 0.5, 0.1 };
        var g1 = new double[4];
        var g2 = new double[4];
        double v1 = ObjectiveFactory.Create(set, LossKind.BinaryCrossEntropy, 1, threads: 1).SmoothValueAndGradient(theta, g1);
        double v2 = ObjectiveFactory.Create(set, LossKind.BinaryCrossEntropy, 1, threads: 2).SmoothValueAndGradient(theta, g2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(v2));
        Assert.Equal(g1.Select(BitConverter.DoubleToInt64Bits), g2.Select(BitConverter.DoubleToInt64Bits));
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        private readonly double _relative;

        public Tolerance(double relative) => _relative = relative;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= _relative * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

        public int GetHashCode(double obj) => 0;
    }
}
