using LogReg.Core.Data;
using LogReg.Core.Objectives;
using LogReg.Tests.Kit;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// At W = 0 the softmax objective answers from the data's moments instead of passes over the rows. Those answers must be
/// what a pass gives: a pass at W = 1e-300 (scores equal to the biases in double precision, so the same probabilities)
/// is the reference — with biases that are not zero, example weights with zeros among them, dense and sparse rows.
/// </summary>
public class SoftmaxZeroWeightsTests
{
    private const double Tiny = 1e-300;

    public static TheoryData<bool, bool> Shapes => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheStartsMomentsGiveWhatAPassGives(bool sparse, bool weighted)
    {
        var (rows, labels) = SoftmaxData.Random(700, 9, 5, seed: 4);
        // One column far from zero: the gradient's pₖ·M − Sₖ then cancels, as a pass's sum of (pₖ − [yᵢ = k])·xᵢ does.
        foreach (var row in rows)
        {
            row[2] += 40;
        }
        var random = new Random(8);
        double[]? weights = weighted ? rows.Select(_ => random.NextDouble() < 0.1 ? 0 : 0.5 + random.NextDouble()).ToArray() : null;
        var x = sparse ? (DesignMatrix)SparseMatrix.FromDenseRows(rows, 9) : DenseMatrix.FromRows(rows);
        var data = new MulticlassTrainingSet(x, labels, 5, weights);
        var objective = new SoftmaxObjective(data, l2: 0.5);
        int n = objective.Dimension, weightsEnd = 5 * 9;
        var zero = new double[n];
        var tiny = new double[n];
        double[] biases = { 0.3, -1.2, 0, 2.5, -0.4 };
        for (int k = 0; k < 5; k++)
        {
            zero[weightsEnd + k] = tiny[weightsEnd + k] = biases[k];
        }
        Array.Fill(tiny, Tiny, 0, weightsEnd);

        var moments = new SoftmaxZeroWeights(data);
        Assert.True(moments.AppliesAt(zero));
        Assert.False(moments.AppliesAt(tiny));

        var passGradient = new double[n];
        double passValue = objective.SmoothValueAndGradient(tiny, passGradient);
        var gradient = new double[n];
        double value = moments.ValueAndGradient(zero, gradient);
        NumericAssert.Relative(passValue, value, 1e-13, "value");
        double largest = passGradient.Max(Math.Abs);
        for (int j = 0; j < n; j++)
        {
            Assert.True(Math.Abs(gradient[j] - passGradient[j]) <= 1e-12 * largest, $"gradient[{j}]: {gradient[j]:R} vs a pass's {passGradient[j]:R}");
        }
        // Through the objective too (value, gradient and the penalty's parts, which are zero at W = 0).
        var viaObjective = new double[n];
        NumericAssert.Relative(passValue, objective.SmoothValueAndGradient(zero, viaObjective), 1e-13, "objective's value");
        NumericAssert.Close(gradient, viaObjective, 0, "objective's gradient");

        var passDiagonal = objective.CurvatureDiagonalAt(tiny);
        NumericAssert.Close(passDiagonal, moments.CurvatureSums(zero, 0.5, squared: true), 1e-12, "diagonal");
        NumericAssert.Close(passDiagonal, objective.CurvatureDiagonalAt(zero), 1e-12, "objective's diagonal");
        NumericAssert.Close(objective.CurvatureColumnSumsAt(tiny), objective.CurvatureColumnSumsAt(zero), 1e-12, "column sums");
        NumericAssert.Close(objective.Probabilities(tiny), objective.Probabilities(zero), 1e-15, "probabilities");
    }

    [Fact]
    public void TheStartsCurvatureMultipliesAsAPasssDoes()
    {
        var (rows, labels) = SoftmaxData.Random(300, 6, 4, seed: 12);
        var objective = new SoftmaxObjective(new MulticlassTrainingSet(DenseMatrix.FromRows(rows), labels, 4), l2: 1);
        int n = objective.Dimension;
        var zero = new double[n];
        var tiny = new double[n];
        Array.Fill(tiny, Tiny, 0, 4 * 6);
        var v = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var atZero = new double[n];
        var atTiny = new double[n];
        objective.SmoothValue(zero);
        objective.HessianAt(zero).Multiply(v, atZero);
        objective.SmoothValue(tiny);
        objective.HessianAt(tiny).Multiply(v, atTiny);
        NumericAssert.Close(atTiny, atZero, 1e-13, "H·v");
    }
}
