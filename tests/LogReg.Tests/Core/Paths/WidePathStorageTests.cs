using System.Text.Json;
using LogReg.Core.Data;
using LogReg.Core.Paths;
using LogReg.MLNet;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Paths on wide data keep their non-zero coefficients only (a text set's 100 λ × 20 classes of dense vectors had filled
/// 22 GB): what is kept is exactly the dense path's non-zeros, the held-out scoring from them is the dense computation,
/// and a saved path is written by its non-zeros and read back — as are files written with dense vectors.
/// </summary>
public sealed class WidePathStorageTests
{
    private const int Features = WideSparseSet.Features;

    [Fact]
    public void ABinaryPathKeepsExactlyItsNonZeroCoefficients()
    {
        var path = ElasticNetPath.Fit(Wide(classes: 2).Binary(), new ElasticNetPathOptions { LambdaCount = 30 });
        Assert.Equal(Features, path.Coefficients.Length);
        Assert.Contains(path.NonZero, count => count > 10);
        for (int m = 0; m < path.Lambdas.Count; m++)
        {
            var dense = path.Coefficients[m];
            var (features, values) = path.Coefficients.NonZeroAt(m);
            Assert.Equal(path.NonZero[m], features.Count);
            Assert.Equal(Enumerable.Range(0, Features).Where(j => dense[j] != 0), features);
            Assert.Equal(features.Select(j => dense[j]), values);
        }
    }

    [Fact]
    public void IndexFromTheEndCountsPointsNotFeatures()
    {
        // C# counts ^1 from a Length property before Count, and Length is the number of features: path.Coefficients[^1] had
        // thrown (more features than points) or silently read another point (fewer).
        var binary = ElasticNetPath.Fit(Wide(classes: 2).Binary(), new ElasticNetPathOptions { LambdaCount = 30 });
        Assert.NotEqual(binary.Coefficients.Count, binary.Coefficients.Length);
        Assert.Equal(binary.Coefficients[binary.Coefficients.Count - 1], binary.Coefficients[^1]);
        Assert.Equal(binary.Coefficients[binary.Coefficients.Count - 3], binary.Coefficients[^3]);
        var multinomial = MultinomialElasticNetPath.Fit(Wide(classes: 3), new ElasticNetPathOptions { LambdaCount = 10 });
        Assert.Equal(multinomial.Coefficients[multinomial.Coefficients.Count - 1], multinomial.Coefficients[^1]);
        Assert.Throws<IndexOutOfRangeException>(() => binary.Coefficients[^(binary.Coefficients.Count + 1)]);
    }

    [Fact]
    public void AMultinomialPathKeepsExactlyEachClassesNonZeroCoefficients()
    {
        var data = Wide(classes: 4);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { LambdaCount = 20 });
        Assert.Equal(4, path.Coefficients.Classes);
        Assert.Contains(path.NonZero, count => count > 10);
        for (int m = 0; m < path.Lambdas.Count; m++)
        {
            var dense = path.Coefficients[m];
            var union = new HashSet<int>();
            for (int k = 0; k < 4; k++)
            {
                var (features, values) = path.Coefficients.NonZeroAt(m, k);
                Assert.Equal(Enumerable.Range(0, Features).Where(j => dense[k][j] != 0), features);
                Assert.Equal(features.Select(j => dense[k][j]), values);
                union.UnionWith(features);
            }
            Assert.Equal(path.NonZero[m], union.Count);
        }
    }

    [Fact]
    public void HeldOutProbabilitiesFromTheNonZerosAreTheDenseComputation()
    {
        var data = Wide(classes: 3);
        var path = MultinomialElasticNetPath.Fit(data, new ElasticNetPathOptions { LambdaCount = 15 });
        // At the path's own λ, between them, and beyond both ends.
        var lambdas = path.Lambdas.Take(8).Concat([Math.Sqrt(path.Lambdas[5] * path.Lambdas[6]), path.Lambdas[0] * 2, path.Lambdas[^1] / 2]).ToArray();
        var rows = Enumerable.Range(0, 40).Select(i => i * 3).ToArray();
        var fromNonZeros = PathInterpolation.Probabilities(data.Features, path, lambdas, rows).ToArray();
        for (int s = 0; s < lambdas.Length; s++)
        {
            var (left, right, fraction) = Around(path.Lambdas, lambdas[s]);
            var (a, b) = (path.Coefficients[left], path.Coefficients[right]);
            for (int r = 0; r < rows.Length; r++)
            {
                var z = Enumerable.Range(0, 3).Select(k => fraction * path.Intercepts[left][k] + (1 - fraction) * path.Intercepts[right][k]
                    + data.Features.Dot(rows[r], a[k].Select((v, j) => fraction * v + (1 - fraction) * b[k][j]).ToArray())).ToArray();
                double max = z.Max(), total = z.Sum(v => Math.Exp(v - max));
                Assert.Equal(z.Select(v => Math.Exp(v - max) / total), fromNonZeros[s][r]);
            }
        }
    }

    [Fact]
    public void ASavedPathIsWrittenByItsNonZerosAndReadBackWhole()
    {
        var path = MultinomialElasticNetPath.Fit(Wide(classes: 3), new ElasticNetPathOptions { LambdaCount = 20 });
        string json = JsonSerializer.Serialize(path, ModelDetailsJson.Options);
        string dense = JsonSerializer.Serialize(path.Coefficients.ToArray(), ModelDetailsJson.Options);
        // Measured 106,521 characters against 760,000 for the coefficients alone written densely.
        Assert.True(json.Length * 4 < dense.Length, $"{json.Length} characters, dense {dense.Length}");
        var read = JsonSerializer.Deserialize<MultinomialRegularizationPath>(json, ModelDetailsJson.Options)!;
        Assert.Equal(path.Coefficients.SelectMany(p => p.SelectMany(c => c)), read.Coefficients.SelectMany(p => p.SelectMany(c => c)));

        var binary = ElasticNetPath.Fit(Wide(classes: 2).Binary(), new ElasticNetPathOptions { LambdaCount = 20 });
        var readBinary = JsonSerializer.Deserialize<RegularizationPath>(JsonSerializer.Serialize(binary, ModelDetailsJson.Options), ModelDetailsJson.Options)!;
        Assert.Equal(binary.Coefficients.SelectMany(c => c), readBinary.Coefficients.SelectMany(c => c));
    }

    [Fact]
    public void FilesWrittenWithDenseVectorsAreRead()
    {
        var path = MultinomialElasticNetPath.Fit(Wide(classes: 3), new ElasticNetPathOptions { LambdaCount = 10 });
        string dense = JsonSerializer.Serialize(new
        {
            path.Lambdas, path.Intercepts, Coefficients = path.Coefficients.ToArray(), path.NonZero, path.DevianceRatio, path.NullDeviance,
        }, ModelDetailsJson.Options);
        var read = JsonSerializer.Deserialize<MultinomialRegularizationPath>(dense, ModelDetailsJson.Options)!;
        Assert.Equal(path.Coefficients.SelectMany(p => p.SelectMany(c => c)), read.Coefficients.SelectMany(p => p.SelectMany(c => c)));
        Assert.Equal(Enumerable.Range(0, 10).Select(m => path.Coefficients.NonZeroAt(m, 1).Features), Enumerable.Range(0, 10).Select(m => read.Coefficients.NonZeroAt(m, 1).Features));

        var binary = ElasticNetPath.Fit(Wide(classes: 2).Binary(), new ElasticNetPathOptions { LambdaCount = 20 });
        string denseBinary = JsonSerializer.Serialize(new
        {
            binary.Lambdas, binary.Intercepts, Coefficients = binary.Coefficients.ToArray(), binary.NonZero, binary.DevianceRatio, binary.NullDeviance,
        }, ModelDetailsJson.Options);
        var readBinary = JsonSerializer.Deserialize<RegularizationPath>(denseBinary, ModelDetailsJson.Options)!;
        Assert.Equal(binary.Coefficients.SelectMany(c => c), readBinary.Coefficients.SelectMany(c => c));
    }

    private static MulticlassTrainingSet Wide(int classes) => WideSparseSet.Of(classes);

    private static (int Left, int Right, double Fraction) Around(IReadOnlyList<double> lambdas, double lambda)
    {
        if (lambda >= lambdas[0])
        {
            return (0, 0, 1);
        }
        if (lambda <= lambdas[^1])
        {
            return (lambdas.Count - 1, lambdas.Count - 1, 1);
        }
        int right = Enumerable.Range(1, lambdas.Count - 1).First(m => lambdas[m] <= lambda);
        return lambdas[right] == lambda ? (right, right, 1) : (right - 1, right, (lambda - lambdas[right]) / (lambdas[right - 1] - lambdas[right]));
    }
}

file static class WideSets
{
    /// <summary>The two-class rows as the binary path's set (labels 0/1).</summary>
    public static TrainingSet Binary(this MulticlassTrainingSet data) => new(data.Features, data.Labels.Select(y => (double)y).ToArray());
}
