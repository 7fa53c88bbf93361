using LogReg.Core.Data;
using LogReg.Core.Paths;
using LogReg.Tests.Core;
using Xunit;
using Xunit.Abstractions;

namespace LogReg.Tests.Core.Paths;

/// <summary>
/// Below 3 rows a fold cv.glmnet takes the standard errors over the held-out rows, not the folds (grouped = FALSE, which
/// it enforces there): its curve, standard errors and choices on committed references (glmnet_cv_few_rows.json).
/// Found by an outside tester: with the errors over the folds, lambda.1se on 28 rows of Pima in 10 folds was the 53rd λ
/// where cv.glmnet's is the 57th. A second found a fold whose rows all weigh 0 left out of N (its score is 0/0): every row
/// predicted counts, as in cv.glmnet (the last case).
/// </summary>
public sealed class FewRowsCrossValidationTests(ITestOutputHelper output)
{
    public static TheoryData<int> Cases => new() { 0, 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheErrorsAreOverTheRowsAsCvGlmnets(int index)
    {
        var reference = ReferenceData.File("glmnet_cv_few_rows").GetProperty("cross_validation")[index];
        var rows = reference.GetProperty("rows").EnumerateArray().Select(e => e.GetInt32() - 1).ToArray();
        int folds = reference.GetProperty("folds").GetInt32();
        var options = new CrossValidationOptions
        {
            Path = new ElasticNetPathOptions
            {
                L1Ratio = reference.GetProperty("alpha").GetDouble(),
                Tolerance = 1e-20,
                Lambdas = reference.GetProperty("same_lambdas").GetBoolean()
                    ? reference.GetProperty("lambda").EnumerateArray().Select(e => e.GetDouble()).ToArray() : null,
            },
            FoldIds = rows.Select((_, i) => i % folds).ToArray(),
            Metric = reference.GetProperty("type_measure").GetString() == "class" ? CrossValidationMetric.Misclassification : CrossValidationMetric.Deviance,
            Alignment = reference.GetProperty("same_lambdas").GetBoolean() ? FoldAlignment.SameLambdas : FoldAlignment.Interpolated,
        };
        string name = reference.GetProperty("data").GetString()!;
        if (reference.GetProperty("family").GetString() == "multinomial")
        {
            var (all, labels) = SoftmaxData.Iris();
            var data = SoftmaxData.Set((rows.Select(i => all[i]).ToArray(), rows.Select(i => labels[i]).ToArray()));
            var cv = ElasticNetCrossValidation.Fit(data, options);
            Assert.True(cv.ErrorsOverRows);
            CrossValidationTests.AssertCurveIsCvGlmnets(reference, cv, 0, output);
        }
        else
        {
            var source = ReferenceData.Get(name);
            var weights = reference.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var data = new TrainingSet(DenseMatrix.FromRows(rows.Select(i => source.Rows[i]).ToArray()), rows.Select(i => source.Labels[i]).ToArray(), weights);
            var cv = ElasticNetCrossValidation.Fit(data, options);
            Assert.True(cv.ErrorsOverRows);
            Assert.Contains("fewer than 3 rows a fold", CrossValidationNote.OverRows(cv));
            CrossValidationTests.AssertCurveIsCvGlmnets(reference, cv, 0, output);
        }
    }

    [Fact]
    public void AtThreeRowsAFoldTheErrorsStayOverTheFolds()
    {
        var data = ReferenceData.Spector.Dense();
        var cv = ElasticNetCrossValidation.Fit(data, new CrossValidationOptions { FoldIds = Enumerable.Range(0, 30).Select(i => i % 10).Concat([0, 1]).ToArray() });
        Assert.False(cv.ErrorsOverRows);
        Assert.Null(CrossValidationNote.OverRows(cv));
    }
}
