using LogReg.Core.Paths;
using LogReg.MLNet;
using LogReg.Tests.Kit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace LogReg.Tests.MLNet;

/// <summary>
/// <c>LogRegCV</c> as an ML.NET user meets it: with cv.glmnet's folds (a fold column) it chooses cv.glmnet's λ and the
/// model is the path's point there; it goes into CrossValidate and Evaluate; the path and curve survive Save/Load, and a
/// plain ML.NET load scores the same; a sampling key keeps its groups together.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LogRegCVTrainerTests
{
    private sealed class FoldRow
    {
        public bool Label { get; set; }

        [VectorType(30)]
        public float[] Features { get; set; } = [];

        public float Fold { get; set; }

        public string Patient { get; set; } = "";
    }

    private static IDataView BreastCancer(MLContext ml)
    {
        var data = ReferenceData.BreastCancer;
        return ml.Data.LoadFromEnumerable(data.Rows.Select((r, i) => new FoldRow
        {
            Label = data.Labels[i] == 1, Features = r.Select(v => (float)v).ToArray(), Fold = i % 10 + 1, Patient = $"p{i / 3}",
        }).ToList());
    }

    [Fact]
    public void WithCvGlmnetsFoldsItChoosesCvGlmnetsLambdaAndThePathsModel()
    {
        var ml = new MLContext(1);
        var data = BreastCancer(ml);
        var reference = ReferenceData.File("glmnet").GetProperty("cross_validation")[0];
        var transformer = ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions
        {
            FoldColumnName = "Fold", Alignment = FoldAlignment.Interpolated, Tolerance = 1e-20,
        }).FitWithReport(data);
        var cv = transformer.Model.CrossValidation!;
        NumericAssert.Relative(reference.GetProperty("lambda_1se").GetDouble(), cv.ChosenLambda, 1e-12, "lambda.1se");
        Assert.Equal(Enumerable.Range(0, 569).Select(i => i % 10), cv.FoldIds);
        Assert.Equal(cv.Path.Coefficients[cv.ChosenIndex], transformer.Model.Weights);
        Assert.Equal(cv.Path.Intercepts[cv.ChosenIndex], transformer.Model.Bias);
        Assert.Equal(global::LogReg.Core.Training.OptimizerKind.CoordinateDescent, transformer.Model.Report.Optimizer);
        // The reported optimality violation is measured on the rows: tiny at a converged point.
        Assert.True(transformer.Model.Report.Optimization.GradientNorm < 1e-6, $"{transformer.Model.Report.Optimization.GradientNorm}");
        var probability = TestData.Column(transformer.Transform(data), "Probability");
        var row = ReferenceData.BreastCancer.Rows[0];
        double z = transformer.Model.Bias + row.Select((v, j) => (double)(float)v * (float)transformer.Model.Weights[j]).Sum();
        Assert.Equal(1 / (1 + Math.Exp(-z)), probability[0], 1e-5);
    }

    [Fact]
    public void ItGoesIntoCrossValidateAndItsPathSurvivesSaveAndLoad()
    {
        var ml = new MLContext(1);
        var data = ml.Data.Cache(BreastCancer(ml));
        var trainer = ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { L1Ratio = 0.5, NumberOfFolds = 5, LambdaCount = 40 });
        var folds = ml.BinaryClassification.CrossValidateNonCalibrated(data, trainer, numberOfFolds: 3);
        Assert.All(folds, f => Assert.True(f.Metrics.AreaUnderRocCurve > 0.97, $"AUC {f.Metrics.AreaUnderRocCurve}"));

        var model = trainer.Fit(data);
        var details = model.Model.SubModel.LogRegDetails()!;
        string path = Path.Combine(Path.GetTempPath(), $"logregcv-{Guid.NewGuid():N}.zip");
        try
        {
            LogRegModelFile.Save(ml, model, data.Schema, path);
            var loaded = LogRegModelFile.Load(new MLContext(2), path, out _);
            var loadedDetails = Assert.IsAssignableFrom<IPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<
                Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>>(loaded).Model.SubModel.LogRegDetails()!;
            var (before, after) = (details.CrossValidation!, loadedDetails.CrossValidation!);
            Assert.Equal(before.Mean, after.Mean);
            Assert.Equal(before.StandardError, after.StandardError);
            Assert.Equal(before.Path.Lambdas, after.Path.Lambdas);
            Assert.Equal(before.Path.Coefficients[before.ChosenIndex], after.Path.Coefficients[after.ChosenIndex]);
            Assert.Equal((before.ChosenIndex, before.Rule, before.Metric), (after.ChosenIndex, after.Rule, after.Metric));
            var plain = new MLContext(3).Model.Load(path, out _);
            Assert.Equal(TestData.Column(model.Transform(data), "Probability"), TestData.Column(plain.Transform(data), "Probability"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ASamplingKeyKeepsEachGroupInOneFold()
    {
        var ml = new MLContext(1);
        var transformer = ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { SamplingKeyColumnName = "Patient", LambdaCount = 20, Seed = 4 })
            .FitWithReport(BreastCancer(ml));
        var folds = transformer.Model.CrossValidation!.FoldIds;
        Assert.All(Enumerable.Range(0, 569).GroupBy(i => i / 3), g => Assert.Single(g.Select(i => folds[i]).Distinct()));
        Assert.Equal(10, folds.Distinct().Count());
    }

    [Fact]
    public void AFoldColumnWithTwoValuesIsRefusedInOneLine()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(ReferenceData.Spector.Rows.Select((r, i) => new { Label = ReferenceData.Spector.Labels[i] == 1, Fold = (float)(i % 2) })
            .ToList());
        var view = ml.Transforms.Concatenate("Features", "Fold").Fit(data).Transform(data);
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { FoldColumnName = "Fold" }).Fit(view));
        Assert.Contains("'Fold' holds 2 distinct value(s)", error.Message);
    }

    [Fact]
    public void MinusZeroInAFoldColumnIsFoldZero()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(ReferenceData.Spector.Rows.Select((r, i) => new
        {
            Label = ReferenceData.Spector.Labels[i] == 1, Gpa = (float)r[0], Fold = i % 4 == 0 ? (i % 8 == 0 ? -0f : 0f) : i % 4,
        }).ToList());
        var view = ml.Transforms.Concatenate("Features", "Gpa").Fit(data).Transform(data);
        var fit = ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { FoldColumnName = "Fold", LambdaCount = 5 }).FitWithReport(view);
        Assert.Equal(4, fit.Model.CrossValidation!.FoldIds.Distinct().Count());
    }

    [Fact]
    public void FoldAndThreadCountsAreRefusedByTheirOptionsNames()
    {
        var ml = new MLContext(1);
        var trainers = ml.BinaryClassification.Trainers;
        Assert.Equal("NumberOfFolds must be at least 3, not 1 (cv.glmnet's minimum).",
            Assert.Throws<ArgumentException>(() => trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 1 })).Message);
        Assert.Equal("NumberOfThreads must be at least 1, not 0.",
            Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { NumberOfThreads = 0 })).Message);
        // A cast integer is not a metric, a rule or an alignment: it had fitted, scoring as one of the others.
        Assert.Equal("Metric is 99, which is not one of Deviance, LogLoss, Auc, Misclassification.",
            Assert.Throws<ArgumentException>(() => trainers.LogRegCV(new LogRegCVOptions { Metric = (CrossValidationMetric)99 })).Message);
        Assert.StartsWith("Rule is 7, which is not one of ",
            Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.LogRegCV(new LogRegCVOptions { Rule = (LambdaRule)7 })).Message);
        Assert.StartsWith("Alignment is -1, which is not one of ",
            Assert.Throws<ArgumentException>(() => trainers.LogRegCV(new LogRegCVOptions { Alignment = (FoldAlignment)(-1) })).Message);
        Assert.Throws<ArgumentException>(() => ElasticNetCrossValidation.Fit(ReferenceData.Spector.Dense(), new CrossValidationOptions { Metric = (CrossValidationMetric)99 }));
        var data = ml.Data.LoadFromEnumerable(ReferenceData.Spector.Rows.Select((r, i) => new
        {
            Label = ReferenceData.Spector.Labels[i] == 1, Gpa = (float)r[0], Group = $"g{i % 5}",
        }).ToList());
        var view = ml.Transforms.Concatenate("Features", "Gpa").Fit(data).Transform(data);
        Assert.StartsWith("NumberOfFolds = 40 is more than the 32 rows used.",
            Assert.Throws<ArgumentException>(() => trainers.LogRegCV(new LogRegCVOptions { NumberOfFolds = 40 }).Fit(view)).Message);
        Assert.StartsWith("The sampling key column 'Group' holds 5 distinct value(s), fewer than NumberOfFolds = 10: each fold needs a group.",
            Assert.Throws<ArgumentException>(() => trainers.LogRegCV(new LogRegCVOptions { SamplingKeyColumnName = "Group" }).Fit(view)).Message);
    }

    [Fact]
    public void AFoldOrGroupWithoutAValueIsRefusedNotMadeAFoldOfItsOwn()
    {
        // An outside tester's NaN in the fold column became a sixth fold of one row, without a word.
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(ReferenceData.Spector.Rows.Select((r, i) => new
        {
            Label = ReferenceData.Spector.Labels[i] == 1, Gpa = (float)r[0], Fold = i == 17 ? float.NaN : i % 5, Group = i == 4 ? "" : $"g{i / 2}",
        }).ToList());
        var view = ml.Transforms.Concatenate("Features", "Gpa").Fit(data).Transform(data);
        var fold = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { FoldColumnName = "Fold" }).Fit(view));
        Assert.StartsWith("The fold column 'Fold' has no value at row 18 (NaN); every row needs one.", fold.Message);
        var group = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { SamplingKeyColumnName = "Group", NumberOfFolds = 3 }).Fit(view));
        Assert.StartsWith("The sampling key column 'Group' has no value at row 5 (empty); every row needs one.", group.Message);
    }

    [Fact]
    public void RowsWithAMissingFeatureAreWarnedOfAndAMissingFoldColumnIsNamedFirst()
    {
        // An outside tester's Pima with NaNs: LogRegCV used 392 of 768 rows with only an Info line, where ML.NET's own
        // trainers warn; and an absent fold column was reported as the skipped rows' problem.
        var ml = new MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(e.Message);
                }
            }
        };
        var data = ReferenceData.BreastCancer;
        var view = ml.Data.LoadFromEnumerable(data.Rows.Select((r, i) => new FoldRow
        {
            Label = data.Labels[i] == 1,
            Features = r.Select((v, j) => i % 50 == 0 && j == 3 ? float.NaN : (float)v).ToArray(),
            Fold = i % 10 + 1,
        }).ToList());
        ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { LambdaCount = 10, Seed = 1 }).Fit(view);
        Assert.Contains(warnings, w => w.EndsWith("Skipped 12 row(s) with a missing value: a NaN in 'Features'.", StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.LogRegCV(new LogRegCVOptions { FoldColumnName = "nope" }).Fit(view));
        Assert.StartsWith("The fold column 'nope' was not found in the input schema.", error.Message);
    }
}
