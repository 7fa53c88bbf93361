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
        var rows = parts.SelectMany(p => Enumerable.Range(0, p.RowCount).Select(i =>
        {
            var r = new double[d];
            p.Features.CopyRow(i, r);
            return r;
        })).ToList();
        return new TrainingSet(SparseMatrix.FromDenseRows(rows, d), labels, weights, parts[0].FeatureNames);
    }
}
