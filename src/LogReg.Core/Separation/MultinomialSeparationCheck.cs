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
    /// The verdict on the classes of <paramref name="data"/> that have weight (all when <paramref name="present"/> is null):
    /// the first class separated from the rest, else the joint verdict (K &gt; 2), else not separated — or not checked, with
    /// the reason, when a check was too large. <see cref="SeparationResult.Subject"/> says which classes a verdict is about.
    /// </summary>
    public static SeparationResult Run(MulticlassTrainingSet data, bool[]? present = null, int? threads = null, CancellationToken cancellationToken = default)
    {
        present ??= data.ClassWeights().Select(w => w > 0).ToArray();
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
        return joint.Separated
            ? joint with
            {
                Subject = "The classes are separated jointly (no one class from all the others; the check's rows are each row paired with each other " +
                    "class, its features feature[class] against the first class)",
            }
            : joint;
    }

    // The stacked binary problem, or null when it is too large for the check to prove.
    private static TrainingSet? Stacked(MulticlassTrainingSet data, int[] classes)
    {
        int d = data.FeatureCount, blocks = classes.Length - 1, width = blocks * (d + 1);
        long rows = (long)data.RowCount * blocks + 2;
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
        for (int i = 0; i < data.RowCount; i++)
        {
            data.Features.CopyRow(i, x);
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
