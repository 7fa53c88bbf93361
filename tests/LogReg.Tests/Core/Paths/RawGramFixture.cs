using LogReg.Core.Data;
using LogReg.Core.Paths;

namespace LogReg.Tests.Core.Paths;

/// <summary>The raw Grams' tests' problem and Gram: 150 rows × 9 columns, 3 values in 10 non-zero (−2 … 6, two decimals),
/// stored dense or sparse.</summary>
internal static class RawGramFixture
{
    /// <summary>The same rows as a dense or a sparse path problem, standardised.</summary>
    public static PathProblem Problem(bool sparse)
    {
        const int n = 150, d = 9;
        var random = new Random(4);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d)
            .Select(_ => random.NextDouble() < 0.3 ? Math.Round(random.NextDouble() * 8 - 2, 2) : 0).ToArray()).ToList();
        var labels = rows.Select((r, i) => r[0] - r[1] + (i % 3) > 0.5 ? 1.0 : 0.0).ToArray();
        return sparse
            ? SparseStandardizedProblem.Of(new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels), standardize: true)
            : StandardizedProblem.Of(new TrainingSet(DenseMatrix.FromRows(rows), labels), standardize: true);
    }

    /// <summary><paramref name="problem"/>'s raw Gram of <paramref name="columns"/> with weights <paramref name="v"/>, formed afresh.</summary>
    public static double[] Gram(PathProblem problem, int[] columns, double[] v)
    {
        var gram = new double[(columns.Length + 1) * (columns.Length + 1)];
        problem.AddRawGram(columns, v, gram);
        return gram;
    }
}
