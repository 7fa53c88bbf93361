using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using LogReg.Core.Data;
using LogReg.Core.Losses;
using LogReg.Core.Objectives;
using LogReg.Core.Training;

namespace LogReg.Benchmarks;

/// <summary>
/// One fused value-and-gradient pass over the dense training data, against the floor: a plain SIMD
/// loop that only streams the same float array from memory (sums it). The target is a gradient pass
/// within 1.5× of the floor at the same thread count.
/// </summary>
[Config(typeof(WarmJobConfig))]
public class GradientPassBenchmarks
{
    private ILinearModelObjective _one = null!;
    private ILinearModelObjective _two = null!;
    private float[] _values = null!;
    private double[] _theta = null!;
    private double[] _gradient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.Load(BenchData.Dense).Train;
        _one = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, l2: 1, threads: 1);
        _two = ObjectiveFactory.Create(data, LossKind.BinaryCrossEntropy, l2: 1, threads: 2);
        var rng = new Random(3);
        _theta = Enumerable.Range(0, _one.Dimension).Select(_ => rng.NextDouble() * 0.2 - 0.1).ToArray();
        _gradient = new double[_one.Dimension];
        var dense = (DenseMatrix)data.Features;
        _values = new float[(long)data.RowCount * data.FeatureCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            dense.Row(i).CopyTo(_values.AsSpan(i * data.FeatureCount, data.FeatureCount));
        }
    }

    [Benchmark(Baseline = true, Description = "floor: stream the float array, 1 thread")]
    public float StreamOne() => Sum(_values);

    [Benchmark(Description = "floor: stream the float array, 2 threads")]
    public float StreamTwo()
    {
        int half = _values.Length / 2;
        float a = 0, b = 0;
        Parallel.Invoke(() => a = Sum(_values.AsSpan(0, half)), () => b = Sum(_values.AsSpan(half)));
        return a + b;
    }

    [Benchmark(Description = "value + gradient, 1 thread")]
    public double GradientOne() => _one.SmoothValueAndGradient(_theta, _gradient);

    [Benchmark(Description = "value + gradient, 2 threads")]
    public double GradientTwo() => _two.SmoothValueAndGradient(_theta, _gradient);

    private static float Sum(ReadOnlySpan<float> values)
    {
        var acc = Vector<float>.Zero;
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        foreach (var v in vectors)
        {
            acc += v;
        }
        float sum = Vector.Sum(acc);
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            sum += values[i];
        }
        return sum;
    }
}
