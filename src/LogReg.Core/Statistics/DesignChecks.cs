using LogReg.Core.Data;
using LogReg.Core.Numerics;

namespace LogReg.Core.Statistics;

/// <summary>Rank problems of the design [1 X] that make the MLE non-unique, with the columns named.</summary>
public sealed class DesignChecks
{
    /// <summary>Largest d + 1 for which the rank of [1 X] is computed (an O(d²) Gram matrix per row, O(d³) eigenvalues).</summary>
    public const int RankLimit = 500;

    private DesignChecks() { }

    /// <summary>Columns with a single value (collinear with the intercept).</summary>
    public IReadOnlyList<string> ConstantColumns { get; private init; } = Array.Empty<string>();

    /// <summary>Pairs of columns with identical values (the second is the duplicate).</summary>
    public IReadOnlyList<(string First, string Second)> DuplicatePairs { get; private init; } = Array.Empty<(string, string)>();

    /// <summary>Numerical rank of [1 X], or null when not computed (d + 1 above <see cref="RankLimit"/>).</summary>
    public int? Rank { get; private init; }

    /// <summary>d + 1.</summary>
    public int ParameterCount { get; private init; }

    /// <summary>True when [1 X] does not have full column rank.</summary>
    public bool RankDeficient => ConstantColumns.Count > 0 || DuplicatePairs.Count > 0 || (Rank is int r && r < ParameterCount);

    /// <summary>
    /// Inspects the columns of <paramref name="data"/> (rows with zero weight are ignored), streaming
    /// the rows: constant columns from each column's first value, duplicated columns from a
    /// per-column fingerprint Σᵢ rᵢ·xᵢⱼ (fixed pseudo-random rᵢ) confirmed row by row, and the rank
    /// from the eigenvalues of the column-normalised Gram matrix of [1 X].
    /// </summary>
    public static DesignChecks Inspect(TrainingSet data)
    {
        int n = data.RowCount, d = data.FeatureCount;
        string Name(int j) => data.FeatureNames?[j] ?? $"x{j}";
        var first = new double[d];
        var varies = new bool[d];
        var fingerprint = new double[d];
        var row = new double[d];
        int p = d + 1;
        var gram = p <= RankLimit ? new double[p * p] : null;
        var scratch = new double[p];
        var rng = new Random(12345);
        bool seen = false;
        int used = 0;
        for (int i = 0; i < n; i++)
        {
            double r = rng.NextDouble() + 0.5;
            if (data.WeightOf(i) == 0)
            {
                continue;
            }
            used++;
            data.Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                if (!seen)
                {
                    first[j] = row[j];
                }
                else if (row[j] != first[j])
                {
                    varies[j] = true;
                }
                fingerprint[j] += r * row[j];
            }
            seen = true;
            if (gram is not null)
            {
                data.Features.AddWeightedOuterProduct(i, 1.0, gram, scratch);
            }
        }
        var constant = Enumerable.Range(0, d).Where(j => used > 0 && !varies[j]).Select(Name).ToList();

        // Candidate duplicates share a fingerprint; confirm them on every row.
        var duplicates = new List<(string, string)>();
        var candidates = new List<(int A, int B)>();
        foreach (var group in Enumerable.Range(0, d).Where(j => varies[j]).GroupBy(j => fingerprint[j]).Where(g => g.Count() > 1))
        {
            var members = group.ToArray();
            for (int a = 0; a < members.Length; a++)
            {
                for (int b = a + 1; b < members.Length; b++)
                {
                    candidates.Add((members[a], members[b]));
                }
            }
        }
        if (candidates.Count > 0)
        {
            var equal = Enumerable.Repeat(true, candidates.Count).ToArray();
            for (int i = 0; i < n; i++)
            {
                if (data.WeightOf(i) == 0)
                {
                    continue;
                }
                data.Features.CopyRow(i, row);
                for (int k = 0; k < candidates.Count; k++)
                {
                    equal[k] &= row[candidates[k].A] == row[candidates[k].B];
                }
            }
            for (int k = 0; k < candidates.Count; k++)
            {
                if (equal[k])
                {
                    duplicates.Add((Name(candidates[k].A), Name(candidates[k].B)));
                }
            }
        }

        int? rank = null;
        if (gram is not null && used > 0)
        {
            // Upper triangle → symmetric, scaled to unit diagonal; rank = eigenvalues above 1e-10·max.
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    gram[a * p + b] = gram[b * p + a];
                }
            }
            var scale = Enumerable.Range(0, p).Select(a => gram[a * p + a] > 0 ? 1 / Math.Sqrt(gram[a * p + a]) : 0).ToArray();
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                {
                    gram[a * p + b] *= scale[a] * scale[b];
                }
            }
            var eig = DenseLinearAlgebra.SymmetricEigenvalues(gram, p);
            rank = eig.Count(e => e > 1e-10 * eig[^1]);
        }
        return new DesignChecks { ConstantColumns = constant, DuplicatePairs = duplicates, Rank = rank, ParameterCount = p };
    }
}
