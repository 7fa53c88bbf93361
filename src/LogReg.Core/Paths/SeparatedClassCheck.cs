using System.Globalization;
using LogReg.Core.Data;
using LogReg.Core.Separation;

namespace LogReg.Core.Paths;

/// <summary>
/// Before the multinomial path solves λ = 0: whether its minimum exists, decided by the binary separation check's proofs
/// (<see cref="SeparationCheck"/>). The unpenalised multinomial likelihood has no maximum exactly when some coefficients
/// B put every row's own class ahead of every other, (βᵧᵢ − βₖ)·x̃ᵢ ≥ 0 for all i and k ≠ yᵢ, strictly somewhere (the
/// multinomial form of Albert and Anderson's condition): then moving along B raises every row's probability of its own
/// class or leaves it. First each class against the rest (a direction separating class k is such a B with only βₖ
/// non-zero; its verdict names the class); then all classes at once, as one binary problem on stacked rows — per row and
/// other class k, x̃ᵢ in yᵢ's block minus x̃ᵢ in k's (the first class the reference, its block dropped), every row on the
/// positive side, and two empty rows of opposite labels that pin the check's own intercept at 0. The rounds and the
/// joint steps would otherwise stop at an arbitrary point of the divergent direction (outside testers: partially
/// separated classes, and classes separated only jointly, came back as finite points). A check too large to prove
/// (above <see cref="SeparationCheck.MaximumWork"/>) claims nothing.
/// </summary>
internal static class SeparatedClassCheck
{
    /// <summary>Throws when the classes of <paramref name="data"/> are separated (see the class summary).</summary>
    /// <exception cref="InvalidOperationException">No minimum at λ = 0.</exception>
    public static void RefuseAtZero(MulticlassTrainingSet data, double[][] indicators, bool[] present)
    {
        for (int k = 0; k < indicators.Length; k++)
        {
            if (!present[k])
            {
                continue;
            }
            var result = SeparationCheck.Run(new TrainingSet(data.Features, indicators[k], data.ExampleWeights, data.FeatureNames));
            if (result.Checked && result.Separated)
            {
                throw new InvalidOperationException($"At λ = 0 class '{data.ClassNames[k]}' is separated from the other classes, so the " +
                    $"multinomial likelihood has no maximum there: {result.Describe()} Use λ > 0.");
            }
        }
        var classes = Enumerable.Range(0, present.Length).Where(k => present[k]).ToArray();
        if (classes.Length > 2 && Stacked(data, classes) is { } stacked)
        {
            var joint = SeparationCheck.Run(stacked);
            if (joint.Checked && joint.Separated)
            {
                // The stacked problem's own counts (its rows are class comparisons, two of them the empty pins) would mislead:
                // the direction's largest coefficients are what a user can look at.
                var by = joint.Direction.Where(kv => kv.Key != "intercept").OrderByDescending(kv => Math.Abs(kv.Value))
                    .Take(SeparationResult.NamedFeatures).Select(kv => $"'{kv.Key}'");
                throw new InvalidOperationException("At λ = 0 the classes are separated jointly (no one class from all the others): " +
                    $"coefficients exist that put every row's own class at least level with every other class and ahead somewhere, " +
                    $"proved by the separation check, largest on {string.Join(", ", by)} (feature[class], against the first class); " +
                    "the multinomial likelihood has no maximum there. Use λ > 0.");
            }
        }
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
