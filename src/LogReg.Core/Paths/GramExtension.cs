namespace LogReg.Core.Paths;

/// <summary>
/// A held Gram carried over to a solve over other columns from the same point: the entries between columns it already
/// had are copied, and only those that involve a new column are summed over the rows, with the curvature weights the
/// held Gram was formed with (<see cref="PathProblem.AddRawGramCrossing"/>) — so the model is the one a Gram formed with
/// those weights over the new columns would give, at the cost of the new columns' pairs. A lasso path's columns change
/// at most λ (the strong rules' set grows, the KKT check adds violators), each time from where the last solve ended: on
/// kernlab's ticdata (9,822 rows, 455 of 503 one-hot columns in play at the end) 128 of a path's 310 Grams were formed
/// again for a few new columns.
/// </summary>
internal static class GramExtension
{
    /// <summary>
    /// The model over <paramref name="columns"/> (with their <paramref name="mean"/> and <paramref name="scale"/>) extended
    /// from <paramref name="held"/>, whose model kept its raw Gram (<see cref="QuadraticModel.Formed"/>).
    /// </summary>
    public static QuadraticModel Of(PathProblem problem, HeldGram held, int[] columns, double[] mean, double[] scale)
    {
        var (old, weights) = held.Model.Formed ?? throw new InvalidOperationException("The held model kept no raw Gram.");
        var heldColumns = held.Columns;
        int m = columns.Length, stride = m + 1, mo = heldColumns.Count, oldStride = mo + 1;
        var newPosition = new Dictionary<int, int>(m);
        for (int a = 0; a < m; a++)
        {
            newPosition[columns[a]] = a;
        }
        var isNew = new bool[m];
        Array.Fill(isNew, true);
        var position = new int[mo];
        for (int a = 0; a < mo; a++)
        {
            position[a] = newPosition.GetValueOrDefault(heldColumns[a], -1);
            if (position[a] >= 0)
            {
                isNew[position[a]] = false;
            }
        }
        var gram = problem.Scratch.Rent(stride * stride);
        Array.Clear(gram, 0, stride * stride);
        for (int a = 0; a < mo; a++)
        {
            int pa = position[a];
            if (pa < 0)
            {
                continue;
            }
            gram[pa * stride + m] = old[a * oldStride + mo];
            for (int b = a; b < mo; b++)
            {
                int pb = position[b];
                if (pb >= 0)
                {
                    gram[Math.Min(pa, pb) * stride + Math.Max(pa, pb)] = old[a * oldStride + b];
                }
            }
        }
        gram[m * stride + m] = old[mo * oldStride + mo];
        problem.AddRawGramCrossing(columns, isNew, weights, gram);
        var model = new QuadraticModel(m, problem.Scratch.Rent(m * m)) { Formed = (gram, weights) };
        held.Model.PassSystemStorageTo(model);
        problem.Scratch.Return(held.Model);
        model.CentreFrom(gram, mean, scale);
        return model;
    }
}
