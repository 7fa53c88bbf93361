using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Core.Separation;

/// <summary>
/// Whether the unpenalised multinomial (softmax) likelihood has a maximum, decided by the binary separation check's proofs
/// (<see cref="SeparationCheck"/>). It has none exactly when some coefficients B put every row's own class ahead of every
/// other, (βᵧᵢ − βₖ)·x̃ᵢ ≥ 0 for all i and k ≠ yᵢ, strictly somewhere (the multinomial form of Albert and Anderson's
/// condition): then moving along B raises every row's probability of its own class or leaves it. First each class
/// against the rest (a direction separating class k is such a B with only βₖ non-zero; its verdict names the class);
/// then all classes at once, as one binary problem on stacked rows — per row and other class k, x̃ᵢ in yᵢ's block minus
/// x̃ᵢ in k's (the first class the reference, its block dropped), every row on the positive side, and two empty rows of
/// opposite labels that pin the check's own intercept at 0. Without it the optimizers stop at an arbitrary point of the
/// divergent direction and call it converged (outside testers: partially separated classes, and classes separated only
/// jointly, came back as finite points). A check too large to prove (above <see cref="SeparationCheck.MaximumWork"/>)
/// claims nothing.
/// </summary>
internal static class MultinomialSeparationCheck
{
    /// <summary>
    /// The verdict on the classes of <paramref name="data"/> given in <paramref name="present"/> (the path, which fits a
    /// class without weight at an intercept of −∞ by design), or on all K classes when it is null (a fit of the model
    /// itself: then a class without weight is separated by its intercept alone); the first class separated from the rest,
    /// else the joint verdict (K &gt; 2), else not separated — or not checked, with the reason, when a check was too large.
    /// <see cref="SeparationResult.Subject"/> says which classes a verdict is about.
    /// </summary>
    public static SeparationResult Run(MulticlassTrainingSet data, bool[]? present = null, int? threads = null, CancellationToken cancellationToken = default)
    {
        if (present is null)
        {
            var weights = data.ClassWeights();
            int empty = Enumerable.Range(0, data.ClassCount).FirstOrDefault(k => !(weights[k] > 0), -1);
            if (empty >= 0)
            {
                // Lowering that class's intercept raises every row's likelihood: no maximum.
                return new SeparationResult(true, true, true, data.RowCount, new Dictionary<string, double> { ["intercept"] = -1 }, 1, data.RowCount)
                {
                    Subject = $"Class '{data.ClassNames[empty]}' has no rows with weight, so its probability is driven towards 0",
                };
            }
            present = weights.Select(w => w > 0).ToArray();
        }
        SeparationResult? undecided = null, last = null;
        for (int k = 0; k < present.Length; k++)
        {
            if (!present[k])
            {
                continue;
            }
            var result = SeparationCheck.Run(new TrainingSet(data.Features, data.Labels.Select(y => y == k ? 1.0 : 0.0).ToArray(), data.ExampleWeights,
                data.FeatureNames), threads: threads, cancellationToken: cancellationToken);
            if (result.Checked && result.Separated)
            {
                return result with { Subject = $"Class '{data.ClassNames[k]}' is separated from the other classes" };
            }
            undecided ??= result.Checked ? null : result;
            last = result;
        }
        var classes = Enumerable.Range(0, present.Length).Where(k => present[k]).ToArray();
        if (classes.Length <= 2)
        {
            // Two classes: a direction for one against the other is the whole condition.
            return undecided ?? last!;
        }
        var stacked = Stacked(data, classes);
        if (stacked is null)
        {
            return SeparationResult.NotChecked(string.Create(CultureInfo.InvariantCulture,
                $"no class is separated from the others, but the joint check ({data.RowCount} rows × {classes.Length - 1} class comparisons × {(classes.Length - 1) * (data.FeatureCount + 1)} columns) is too large to prove in bounded time."));
        }
        var joint = SeparationCheck.Run(stacked, threads: threads, cancellationToken: cancellationToken);
        if (!joint.Checked)
        {
            return joint;
        }
        if (joint.Separated && joint.BoundaryRows >= Pins)
        {
            // The two pinning rows are empty, always on the boundary: the class comparisons are what the counts are about.
            int boundary = joint.BoundaryRows - Pins;
            joint = joint with { BoundaryRows = boundary, Complete = boundary == 0 ? true : joint.Complete };
        }
        return joint.Separated
            ? joint with
            {
                Subject = "The classes are separated jointly (no one class from all the others; the check's rows are each row paired with each other " +
                    "class, its features feature[class] against the first class)",
            }
            : joint;
    }

    // Empty rows of opposite labels that pin the stacked check's own intercept at 0.
    private const int Pins = 2;

    // The stacked binary problem, or null when it is too large for the check to prove.
    private static TrainingSet? Stacked(MulticlassTrainingSet data, int[] classes)
    {
        int d = data.FeatureCount, blocks = classes.Length - 1, width = blocks * (d + 1);
        long rows = (long)data.RowCount * blocks + Pins;
        double work = (rows + (width + 1) / 3.0) * (width + 1.0) * (width + 1.0);
        if (work > SeparationCheck.MaximumWork)
        {
            return null;
        }
        var block = new int[data.ClassCount];
        Array.Fill(block, -1);
        for (int b = 0; b < blocks; b++)
        {
            block[classes[b + 1]] = b;
        }
        var x = new double[d];
        var stacked = new List<double[]>((int)rows) { new double[width], new double[width] };
        var labels = new List<double> { 0, 1 };
        var weights = new List<double> { 1, 1 };
        var centre = Midranges(data);
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, x);
            // Each block has its own intercept, which absorbs a shift of a feature: centred, a column far from 0 (1e6 ± 1)
            // keeps its spread in the check's single-precision rows instead of sitting on its numerical threshold.
            for (int j = 0; j < d; j++)
            {
                x[j] -= centre[j];
            }
            int own = block[data.Labels[i]];
            foreach (int k in classes)
            {
                if (k == data.Labels[i])
                {
                    continue;
                }
                var z = new double[width];
                Place(z, own, x, 1);
                Place(z, block[k], x, -1);
                stacked.Add(z);
                labels.Add(1);
                weights.Add(data.ExampleWeights?[i] ?? 1);
            }
        }
        var names = classes.Skip(1).SelectMany(k => (data.FeatureNames ?? Enumerable.Range(0, d).Select(j => $"x{j}").ToArray())
            .Append("intercept").Select(name => string.Create(CultureInfo.InvariantCulture, $"{name}[{data.ClassNames[k]}]"))).ToArray();
        return new TrainingSet(DenseMatrix.FromRows(stacked, width), labels.ToArray(), weights.ToArray(), names);
    }

    // The middle of each feature's range over the rows.
    private static double[] Midranges(MulticlassTrainingSet data)
    {
        int d = data.FeatureCount;
        var (low, high) = (Enumerable.Repeat(double.PositiveInfinity, d).ToArray(), Enumerable.Repeat(double.NegativeInfinity, d).ToArray());
        var x = new double[d];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, x);
            for (int j = 0; j < d; j++)
            {
                (low[j], high[j]) = (Math.Min(low[j], x[j]), Math.Max(high[j], x[j]));
            }
        }
        return Enumerable.Range(0, d).Select(j => data.RowCount == 0 ? 0 : low[j] / 2 + high[j] / 2).ToArray();
    }

    // z's block b (none when b < 0, the reference class) += sign·(x, 1).
    private static void Place(double[] z, int b, double[] x, double sign)
    {
        if (b < 0)
        {
            return;
        }
        int at = b * (x.Length + 1);
        for (int j = 0; j < x.Length; j++)
        {
            z[at + j] += sign * x[j];
        }
        z[at + x.Length] += sign;
    }
}
