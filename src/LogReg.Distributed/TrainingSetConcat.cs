using LogReg.Core.Data;

namespace LogReg.Distributed;

/// <summary>The rows of several training sets, one after the other, in one set (dense if every part is dense).</summary>
internal static class TrainingSetConcat
{
    public static TrainingSet Rows(IReadOnlyList<TrainingSet> parts)
    {
        int d = parts[0].FeatureCount;
        if (parts.Any(p => p.FeatureCount != d))
        {
            throw new ShardDataException($"The files of one shard must have the same features; they have {string.Join(", ", parts.Select(p => p.FeatureCount))}.");
        }
        int n = parts.Sum(p => p.RowCount);
        var labels = parts.SelectMany(p => p.Labels).ToArray();
        var weights = parts.All(p => p.ExampleWeights is null) ? null : parts.SelectMany(p => Enumerable.Range(0, p.RowCount).Select(p.WeightOf)).ToArray();
        var row = new double[d];
        if (parts.All(p => !p.Features.IsSparse))
        {
            var values = new float[(long)n * d];
            long k = 0;
            foreach (var p in parts)
            {
                for (int i = 0; i < p.RowCount; i++)
                {
                    p.Features.CopyRow(i, row);
                    foreach (double v in row)
                    {
                        values[k++] = (float)v;
                    }
                }
            }
            return new TrainingSet(new DenseMatrix(n, d, values), labels, weights, parts[0].FeatureNames);
        }
        // Compressed sparse rows stay compressed: a part's row is copied as its stored entries (a dense part's non-zeros).
        var rowStart = new long[n + 1];
        var indices = new List<int>();
        var stored = new List<float>();
        int r = 0;
        foreach (var p in parts)
        {
            for (int i = 0; i < p.RowCount; i++, r++)
            {
                if (p.Features is SparseMatrix sparse)
                {
                    indices.AddRange(sparse.RowIndices(i).ToArray());
                    stored.AddRange(sparse.RowValues(i).ToArray());
                }
                else
                {
                    p.Features.CopyRow(i, row);
                    for (int j = 0; j < d; j++)
                    {
                        if (row[j] != 0)
                        {
                            indices.Add(j);
                            stored.Add((float)row[j]);
                        }
                    }
                }
                rowStart[r + 1] = indices.Count;
            }
        }
        return new TrainingSet(new SparseMatrix(n, d, rowStart, indices.ToArray(), stored.ToArray()), labels, weights, parts[0].FeatureNames);
    }
}
