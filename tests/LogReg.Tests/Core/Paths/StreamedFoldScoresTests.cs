using LogReg.Core.Data;
using LogReg.Core.Paths;
using Xunit;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// A fold at the full path's λ scores its held-out rows as it solves each point and keeps no coefficients
/// (<see cref="HeldOutPointScorer"/>): its curve must be the one the folds' kept paths give through
/// <see cref="PathInterpolation"/>, bit for bit, in both families — over folds and over rows, with repeated λ, weights,
/// and when a fold's path ends before the full path's (as one ending unsettled does: the multinomial folds' paths are cut
/// to their first points here; the binary ones run out of Newton steps).
/// </summary>
[Trait("Category", "Slow")]
public sealed class StreamedFoldScoresTests
{
    public static TheoryData<string> Cases => ["deviance", "misclassification", "repeated lambdas", "few rows", "sparse", "ends early"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamedFoldsGiveTheCurveOfTheKeptPaths(string name)
    {
        var (data, options) = Case(name);
        var pathLengths = new List<int>();
        int? cut = name == "ends early" ? 9 : null;
        var streamed = Run(data, options, pathLengths, cut);
        var kept = Run(data, options, pathLengths: null, cut);
        Assert.Equal(kept.Mean, streamed.Mean);
        Assert.Equal(kept.StandardError, streamed.StandardError);
        Assert.Equal(kept.ErrorsOverRows, streamed.ErrorsOverRows);
        Assert.Equal(kept.ChosenIndex, streamed.ChosenIndex);
        Assert.Equal(name == "few rows", streamed.ErrorsOverRows);
        // The streamed folds kept only their points' summaries.
        Assert.NotEmpty(pathLengths);
        if (cut is not null)
        {
            Assert.All(pathLengths, m => Assert.Equal(cut, m));
            Assert.True(streamed.Path.Lambdas.Count > cut);
            return;
        }
        // What ElasticNetCrossValidation runs is the streamed form.
        var library = ElasticNetCrossValidation.Fit(data, options);
        Assert.Equal(streamed.Mean, library.Mean);
        Assert.Equal(streamed.StandardError, library.StandardError);
    }

    [Fact]
    public void AScoredPathKeepsItsSummariesWithoutCoefficients()
    {
        var data = SoftmaxData.Set(SoftmaxData.Random(200, 6, 3, seed: 5));
        var rows = Enumerable.Range(0, 40).ToArray();
        var options = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 25 };
        // A point solved again more closely near the early stop is handed over again, at its index.
        var probabilities = new List<double[][]>();
        var scored = MultinomialElasticNetPath.Fit(data, options, jointNewton: null, scorer: new HeldOutPointScorer(data.Features, rows, 3, (index, p) =>
        {
            Assert.InRange(index, 0, probabilities.Count);
            if (index == probabilities.Count)
            {
                probabilities.Add(p);
            }
            else
            {
                probabilities[index] = p;
            }
        }));
        var kept = MultinomialElasticNetPath.Fit(data, options);
        Assert.Equal(kept.Lambdas, scored.Lambdas);
        Assert.Equal(kept.NonZero, scored.NonZero);
        Assert.Equal(kept.DevianceRatio, scored.DevianceRatio);
        Assert.Equal(kept.Intercepts, scored.Intercepts);
        Assert.Contains(kept.NonZero, m => m > 0);
        Assert.All(scored.Coefficients, w => Assert.All(w, c => Assert.All(c, v => Assert.Equal(0, v))));
        Assert.Equal(PathInterpolation.Probabilities(data.Features, kept, kept.Lambdas, rows), probabilities);
    }

    public static TheoryData<string> BinaryCases => ["deviance", "auc", "misclassification", "repeated lambdas", "few rows", "sparse", "weights", "ends early"];

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void BinaryStreamedFoldsGiveTheCurveOfTheKeptPaths(string name)
    {
        var data = BinaryIndicatorSet.Of(seed: 4, rows: name == "few rows" ? 24 : 300, columns: 20);
        var options = new CrossValidationOptions { FoldCount = name == "few rows" ? 10 : 5, Seed = 3, Path = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 40 } };
        (data, options) = name switch
        {
            "auc" => (data, options with { Metric = CrossValidationMetric.Auc }),
            "misclassification" => (data, options with { Metric = CrossValidationMetric.Misclassification }),
            "repeated lambdas" => (data, options with { Path = options.Path with { Lambdas = [0.2, 0.1, 0.1, 0.05, 0.05, 0.01, 0.001] } }),
            "sparse" => (new TrainingSet(SparseMatrix.FromDenseRows(Enumerable.Range(0, data.RowCount).Select(i => Row(data.Features, i)).ToArray(),
                data.FeatureCount), data.Labels), options),
            "weights" => (new TrainingSet(data.Features, data.Labels, Enumerable.Range(0, data.RowCount).Select(i => i % 7 == 0 ? 0.0 : 1 + i % 3).ToArray()), options),
            // Four Newton steps a λ on rows near separation (UnsettledLambdaTests): the paths end unsettled.
            "ends early" => (WideDenseSet.Of(), options with { Path = new ElasticNetPathOptions { LambdaCount = 30, LambdaMinRatio = 1e-5, MaxNewtonSteps = 4 } }),
            _ => (data, options),
        };
        var streamed = ElasticNetCrossValidation.Fit(data, options);
        var kept = new CrossValidationRun<RegularizationPath>(data.Labels.Select(y => (int)y).ToArray(), data.WeightOf,
            (rows, o, lead, follow) => ElasticNetPath.Fit(rows is null ? data : data.SelectRows(rows), o, lead, follow),
            (path, lambdas, held) => PathInterpolation.Probabilities(data.Features, path, lambdas, held),
            k => $"class {k}").Run(options, progress: null);
        Assert.Equal(kept.Mean, streamed.Mean);
        Assert.Equal(kept.StandardError, streamed.StandardError);
        Assert.Equal(kept.ChosenIndex, streamed.ChosenIndex);
        Assert.Equal(name == "few rows", streamed.ErrorsOverRows);
        Assert.Equal(name == "ends early", streamed.Path.UnsettledLambda is not null);
    }

    private static double[] Row(DesignMatrix features, int i)
    {
        var row = new double[features.ColumnCount];
        features.CopyRow(i, row);
        return row;
    }

    private static (MulticlassTrainingSet Data, CrossValidationOptions Options) Case(string name)
    {
        var data = SoftmaxData.Set(SoftmaxData.Random(240, 7, 3, seed: 11));
        var options = new CrossValidationOptions { FoldCount = 5, Seed = 3, Path = new ElasticNetPathOptions { L1Ratio = 0.5, LambdaCount = 30 } };
        return name switch
        {
            "deviance" => (data, options),
            "misclassification" => (data, options with { Metric = CrossValidationMetric.Misclassification }),
            "repeated lambdas" => (data, options with { Path = options.Path with { Lambdas = [0.2, 0.1, 0.1, 0.05, 0.05, 0.01, 0.001] } }),
            "few rows" => (SoftmaxData.Set(SoftmaxData.Random(24, 4, 3, seed: 2)), options with { FoldCount = 10 }),
            "sparse" => (SoftmaxData.Set(SoftmaxData.Random(240, 7, 3, seed: 11), sparse: true), options),
            "ends early" => (data, options),
            _ => throw new ArgumentException(name),
        };
    }

    // The run ElasticNetCrossValidation makes, its folds scored as they are solved (lengths of their paths recorded), or
    // (null) kept and interpolated after; with a cut, each fold's path ends after that many points.
    private static CrossValidatedPath<MultinomialRegularizationPath> Run(MulticlassTrainingSet data, CrossValidationOptions options,
        List<int>? pathLengths, int? cut) =>
        new CrossValidationRun<MultinomialRegularizationPath>(data.Labels, _ => 1,
            (rows, o, lead, follow) => rows is null
                ? MultinomialElasticNetPath.Fit(data, o, jointNewton: null, lead, follow)
                : FirstPoints(MultinomialElasticNetPath.Fit(data.SelectRows(rows), o, jointNewton: null, lead, follow), cut),
            (path, lambdas, held) => PathInterpolation.Probabilities(data.Features, path, lambdas, held),
            k => $"class {k}",
            pathLengths is null ? null : (training, held, o, follow, scored) =>
            {
                var path = FirstPoints(MultinomialElasticNetPath.Fit(data.SelectRows(training), o, jointNewton: null, lead: null, follow,
                    new HeldOutPointScorer(data.Features, held, data.ClassCount, (index, p) =>
                    {
                        if (index < (cut ?? int.MaxValue))
                        {
                            scored(index, p);
                        }
                    })), cut);
                lock (pathLengths)
                {
                    pathLengths.Add(path.Lambdas.Count);
                }
                return path;
            }).Run(options, progress: null);

    // A path's first points, as a path that ended unsettled at the λ after them.
    private static MultinomialRegularizationPath FirstPoints(MultinomialRegularizationPath path, int? cut) => cut is not { } m ? path
        : new(path.Lambdas.Take(m).ToArray(), path.Intercepts.Take(m).ToArray(),
            new MultinomialPathCoefficients(path.Coefficients.Classes, path.Coefficients.Length, path.Coefficients.Take(m)),
            path.NonZero.Take(m).ToArray(), path.DevianceRatio.Take(m).ToArray(), path.NullDeviance) { UnsettledLambda = path.Lambdas[m] };
}
