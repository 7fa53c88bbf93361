using System.Globalization;
using System.Text.Json;
using LogReg.Core.Data;
using LogReg.Core.Statistics;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>Multinomial logit statistics against statsmodels' MNLogit on the ANES 1996 extract.</summary>
public class MultinomialStatisticsTests
{
    private static MulticlassTrainingSet Anes96()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "anes96.csv")).Where(l => l.Length > 0).ToList();
        var names = lines[0].Split(',')[..^1];
        var cells = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return new MulticlassTrainingSet(DenseMatrix.FromRows(cells.Select(c => c[..^1]).ToList()), cells.Select(c => (int)c[^1]).ToArray(), 7, featureNames: names);
    }

    private static double[][] Matrix(JsonElement reference, string name) =>
        reference.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    [Fact]
    public void EstimatesErrorsAndFitStatisticsMatchStatsmodelsMNLogit()
    {
        var reference = ReferenceData.File("mnlogit");
        var stats = MultinomialStatisticsCalculator.Fit(Anes96());
        Assert.True(stats.Converged);
        Assert.Empty(stats.Warnings);
        Assert.Equal("0", stats.ReferenceClass);
        Assert.Equal(6, stats.Coefficients.Count);
        // Features are stored as floats (logpopul is irrational), which moves the estimate by ~1e-7.
        var parameters = Matrix(reference, "params");
        var bse = Matrix(reference, "bse");
        var p = Matrix(reference, "p_values");
        var low = Matrix(reference, "conf_int_low");
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(new[] { "intercept", "logpopul", "selfLR", "age", "educ", "income" }, stats.Coefficients[k].Select(c => c.Name));
            for (int j = 0; j < 6; j++)
            {
                var c = stats.Coefficients[k][j];
                NumericAssert.Close(parameters[k][j], c.Estimate, 1e-6, $"class {k + 1} {c.Name} estimate");
                NumericAssert.Relative(bse[k][j], c.StandardError!.Value, 1e-6, $"class {k + 1} {c.Name} se");
                NumericAssert.Close(p[k][j], c.PValue!.Value, 1e-6, $"class {k + 1} {c.Name} p");
                NumericAssert.Close(low[k][j], c.ConfidenceLow!.Value, 1e-6, $"class {k + 1} {c.Name} low");
            }
        }
        NumericAssert.Relative(reference.GetProperty("llf").GetDouble(), stats.LogLikelihood, 1e-8, "llf");
        NumericAssert.Relative(reference.GetProperty("llnull").GetDouble(), stats.NullLogLikelihood, 1e-9, "llnull"); // statsmodels fits the null model numerically; ours is Σ nₖ ln(nₖ/n)
        NumericAssert.Relative(reference.GetProperty("aic").GetDouble(), stats.Aic, 1e-8, "aic");
        NumericAssert.Relative(reference.GetProperty("bic").GetDouble(), stats.Bic, 1e-8, "bic");
        NumericAssert.Relative(reference.GetProperty("prsquared").GetDouble(), stats.PseudoRSquared, 1e-7, "pseudo R²");
        NumericAssert.Relative(reference.GetProperty("llr").GetDouble(), stats.LikelihoodRatio, 1e-7, "LR");
        Assert.Equal(reference.GetProperty("df_model").GetDouble(), stats.ModelDegreesOfFreedom);
        Assert.Equal(reference.GetProperty("df_resid").GetDouble(), stats.ResidualDegreesOfFreedom);
        Assert.Contains("reference class: 0", stats.Summary());
        // The existence of the estimate is proved, not assumed.
        Assert.True(stats.Separation.Checked);
        Assert.False(stats.Separation.Separated);
        Assert.True(stats.MaximumLikelihoodEstimateExists);
    }

    [Fact]
    public void SeparatedClassesAreProvedAndGetNoStandardErrors()
    {
        // Setosa is linearly separable from the other iris species: no finite MLE. Before the multinomial separation check
        // this was a symptom warning with standard errors of 1e5–1e6 printed beside it.
        var stats = MultinomialStatisticsCalculator.Fit(SoftmaxData.IrisSet());
        Assert.False(stats.MaximumLikelihoodEstimateExists);
        Assert.True(stats.Separation.Separated);
        Assert.False(stats.Converged);
        Assert.Contains(stats.Warnings, w => w.Contains("is separated from the other classes", StringComparison.Ordinal) && w.Contains("proved", StringComparison.Ordinal));
        Assert.All(stats.Coefficients.SelectMany(k => k), c => Assert.Null(c.StandardError));
    }
}
