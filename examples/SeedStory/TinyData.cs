using LogReg.Core.Data;

namespace LogReg.SeedStory;

/// <summary>
/// The classic hours-studied / passed-exam data (20 students, one feature), not separable, so the
/// unpenalised maximum-likelihood fit exists.
/// </summary>
internal static class TinyData
{
    public static readonly double[] Hours =
        { 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0, 4.25, 4.5, 4.75, 5.0, 5.5 };

    public static readonly double[] Passed =
        { 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1 };

    public static TrainingSet Set() =>
        new(DenseMatrix.FromRows(Hours.Select(h => new[] { h }).ToList()), Passed, null, new[] { "hours" });
}
