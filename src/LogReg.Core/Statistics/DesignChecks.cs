using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>Rank problems of the design [1 X] that make the MLE non-unique, with the columns named.</summary>
public sealed class DesignChecks
{
    private DesignChecks() { }

    /// <summary>Columns with a single value (collinear with the intercept).</summary>
    public IReadOnlyList<string> ConstantColumns { get; private init; } = Array.Empty<string>();

    /// <summary>Pairs of columns with identical values (the second is the duplicate).</summary>
    public IReadOnlyList<(string First, string Second)> DuplicatePairs { get; private init; } = Array.Empty<(string, string)>();

    /// <summary>Numerical rank of [1 X], or null when not computed (more than 500 columns).</summary>
    public int? Rank { get; private init; }

    /// <summary>d + 1.</summary>
    public int ParameterCount { get; private init; }

    /// <summary>True when [1 X] does not have full column rank.</summary>
    public bool RankDeficient => ConstantColumns.Count > 0 || DuplicatePairs.Count > 0 || (Rank is int r && r < ParameterCount);

    /// <summary>Inspects the columns of <paramref name="data"/> (rows with zero weight are ignored).</summary>
    public static DesignChecks Inspect(TrainingSet data)
    {
        int n = data.RowCount, d = data.FeatureCount;
        string Name(int j) => data.FeatureNames?[j] ?? $"x{j}";
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new double[n];
        }
        var row = new double[d];
        var used = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (data.WeightOf(i) == 0)
            {
                continue;
            }
            data.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                columns[j][used.Count] = row[j];
            }
            used.Add(i);
        }
        int m = used.Count;
        var constant = new List<string>();
        for (int j = 0; j < d; j++)
        {
            var c = columns[j].AsSpan(0, m);
            if (m > 0 && c.IndexOfAnyExcept(c[0]) < 0)
            {
                constant.Add(Name(j));
            }
        }
        var duplicates = new List<(string, string)>();
        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b < d; b++)
            {
                if (columns[a].AsSpan(0, m).SequenceEqual(columns[b].AsSpan(0, m)))
                {
                    duplicates.Add((Name(a), Name(b)));
                }
            }
        }
        int? rank = null;
        if (d + 1 <= 500 && m > 0)
        {
            // Gram matrix of the columns of [1 X] scaled to unit norm; rank = eigenvalues above 1e-10·max.
            int p = d + 1;
            var scaled = new double[p][];
            scaled[0] = Enumerable.Repeat(1.0 / Math.Sqrt(m), m).ToArray();
            for (int j = 0; j < d; j++)
            {
                var c = columns[j].AsSpan(0, m).ToArray();
                double norm = VectorKernels.Norm2(c);
                if (norm > 0)
                {
                    for (int i = 0; i < m; i++)
                    {
                        c[i] /= norm;
                    }
                }
                scaled[j + 1] = c;
            }
            var gram = new double[p * p];
            for (int a = 0; a < p; a++)
            {
                for (int b = a; b < p; b++)
                {
                    gram[a * p + b] = gram[b * p + a] = VectorKernels.Dot(scaled[a], scaled[b]);
                }
            }
            var eig = DenseLinearAlgebra.SymmetricEigenvalues(gram, p);
            rank = eig.Count(e => e > 1e-10 * eig[^1]);
        }
        return new DesignChecks { ConstantColumns = constant, DuplicatePairs = duplicates, Rank = rank, ParameterCount = d + 1 };
    }
}
