using LogReg.Core.Numerics;

namespace LogReg.Core.Separation;

/// <summary>
/// Turns the interior-point candidate of <see cref="MinimumMarginProgram"/> into a proof, or rejects it. The
/// rows split into S, those some direction β with Ãβ ≥ 0 puts strictly on their side, and Q, those every
/// such direction leaves on the boundary (Goldman–Tucker). Each side has a certificate that is checked
/// here, independently of how the solver found it:
/// <list type="bullet">
/// <item>for Q, multipliers νᵢ &gt; 0 on Q with Ã_Qᵀν = r ≈ 0 (Stiemke's alternative): for any β with
/// |βⱼ| ≤ 1 and Ã_Qβ ≥ 0, Σ_Q (Ãβ)ᵢ ≤ ‖r‖₁ / min νᵢ — so Konis's optimum over Q is at most that bound.
/// r is summed in double-double, so rounding cannot fake a small bound;</item>
/// <item>for S, a direction with ‖β‖∞ = 1, margins within <see cref="BoundaryTolerance"/> of 0 on Q and at least
/// −<see cref="BoundaryTolerance"/> on S, summing above <see cref="SeparationThreshold"/> — so Konis's optimum is at least
/// that sum (to the feasibility tolerance); the rows it puts above <see cref="StrictMargin"/> are the separated ones.</item>
/// </list>
/// No separation: S = ∅ and the bound is ≤ <see cref="SeparationThreshold"/>. Complete: every margin &gt;
/// <see cref="StrictMargin"/>. Quasi-complete: both certificates, the dual one also bounding the minimum margin by
/// ‖r‖₁/Σν ≤ <see cref="StrictMargin"/>. Separated, completeness unknown: a direction alone, every margin at least
/// −<see cref="BoundaryTolerance"/> and summing above the threshold, with some rows in between the tolerances.
/// The thresholds are those of the reference verdicts (HiGHS: optimum &gt; 1e-7 is separation, a minimum
/// margin &gt; 1e-9 is complete); a candidate that proves neither side is rejected, never guessed.
/// </summary>
internal static class SeparationCertificate
{
    /// <summary>Konis's optimum above this is separation; a dual bound at or below it proves there is none.</summary>
    public const double SeparationThreshold = 1e-7;

    /// <summary>A margin above this (direction scaled to ‖β‖∞ = 1) puts a row strictly on its side.</summary>
    public const double StrictMargin = 1e-9;

    /// <summary>How far from 0 the direction may leave a boundary row (LP solvers' feasibility tolerance is 1e-7 to 1e-9).</summary>
    public const double BoundaryTolerance = 1e-12;

    /// <summary>A proved verdict.</summary>
    /// <param name="Separated">S is not empty.</param>
    /// <param name="Complete">Q is empty; null when the direction proves separation but neither side of Q could be proved.</param>
    /// <param name="Strict">Per row: the direction's margin is above <see cref="StrictMargin"/>.</param>
    /// <param name="Direction">β (‖β‖∞ = 1) on the scaled columns; empty without separation.</param>
    /// <param name="MinimumMargin">The smallest margin over all rows with that direction (complete separation), else 0.</param>
    /// <param name="Bound">Separated: Σ of the margins (a lower bound of Konis's optimum); not: the dual upper bound.</param>
    public sealed record Proof(bool Separated, bool? Complete, bool[] Strict, double[] Direction, double MinimumMargin, double Bound);

    /// <summary>The proved verdict, or null when the candidate proves nothing either way.</summary>
    public static Proof? Prove(SignedDesign a, MinimumMarginProgram.Solution candidate)
    {
        int n = a.RowCount;
        var beta = Normalised(candidate.Beta);
        if (beta is not null)
        {
            var margins = new double[n];
            a.Multiply(beta, margins);
            if (margins.Min() > StrictMargin)
            {
                return new Proof(true, true, Enumerable.Repeat(true, n).ToArray(), beta, margins.Min(), margins.Sum());
            }
        }
        Proof? separatedOnly = null;
        foreach (var split in Splits(candidate))
        {
            switch (ProvePartition(a, candidate, split))
            {
                case { Complete: not null } proof:
                    return proof;
                case { } proof:
                    separatedOnly ??= proof;
                    break;
            }
        }
        return separatedOnly ?? (beta is null ? null : SeparatedOnly(a, beta));
    }

    /// <summary>
    /// No separation from multipliers found elsewhere (<see cref="FittedOverlap"/>): every row on the boundary, the dual
    /// certificate refined and bounded as for the solver's candidate; null when the bound is above the threshold.
    /// </summary>
    public static Proof? ProveOverlap(SignedDesign a, double[] multipliers)
    {
        var boundary = new bool[a.RowCount];
        var (bound, _, _, _) = StiemkeBound.Refine(a, multipliers, boundary);
        return bound <= SeparationThreshold ? new Proof(false, false, boundary, Array.Empty<double>(), 0, bound) : null;
    }

    // Separation without a verdict on completeness: the direction alone keeps every row on its side (to the tolerance)
    // and some strictly — enough to prove that no maximum-likelihood estimate exists.
    private static Proof? SeparatedOnly(SignedDesign a, double[] beta)
    {
        var margins = new double[a.RowCount];
        a.Multiply(beta, margins);
        var separated = margins.Select(m => m > StrictMargin).ToArray();
        return margins.All(m => m >= -BoundaryTolerance) && margins.Sum() > SeparationThreshold && separated.Any(s => s)
            ? new Proof(true, null, separated, beta, 0, margins.Sum())
            : null;
    }

    // Complementarity: in S the slack stays O(1) while νᵢ → 0, in Q the reverse, so slackᵢ/νᵢ tends to ∞ on S
    // and to 0 on Q. First the split at 1, then the widest gap of log(slack/ν) if that differs.
    private static IEnumerable<bool[]> Splits(MinimumMarginProgram.Solution candidate)
    {
        int n = candidate.Slacks.Length;
        var ratio = new double[n];
        for (int i = 0; i < n; i++)
        {
            ratio[i] = Math.Log(Math.Max(candidate.Slacks[i], 1e-300)) - Math.Log(Math.Max(candidate.Multipliers[i], 1e-300));
        }
        var atOne = ratio.Select(r => r > 0).ToArray();
        yield return atOne;
        var sorted = (double[])ratio.Clone();
        Array.Sort(sorted);
        double widest = 0, cut = double.NaN;
        for (int i = 1; i < n; i++)
        {
            if (sorted[i] - sorted[i - 1] > widest)
            {
                widest = sorted[i] - sorted[i - 1];
                cut = 0.5 * (sorted[i] + sorted[i - 1]);
            }
        }
        if (!double.IsNaN(cut))
        {
            var atGap = ratio.Select(r => r > cut).ToArray();
            if (!atGap.SequenceEqual(atOne))
            {
                yield return atGap;
            }
        }
        // All rows on the boundary: no separation, the most common verdict.
        if (atOne.Any(s => s))
        {
            yield return new bool[n];
        }
    }

    // The proof that follows from this split, or null. The dual certificate must hold on the split's boundary rows; the
    // direction must keep every row within the feasibility tolerance of its side and sum above the separation threshold.
    // Rows it puts above the strictness threshold are the separated ones; a row of the split's separated side that it
    // leaves below that (a row whose margin depends on the boundary rows) is counted on the boundary.
    private static Proof? ProvePartition(SignedDesign a, MinimumMarginProgram.Solution candidate, bool[] split)
    {
        int n = a.RowCount;
        // A boundary row whose multiplier the solver left at 0 (or below) cannot carry a dual certificate: leave it to the direction.
        var strict = split.Select((s, i) => s || !(candidate.Multipliers[i] > 0)).ToArray();
        double dualBound = 0;
        // A boundary row whose multiplier is too small to carry the bound (both its slack and its multiplier near 0: the
        // solver has not told which side it is on) is left to the direction instead, twice at most.
        for (int attempt = 0; strict.Any(s => !s); attempt++)
        {
            var nu = candidate.Multipliers.Select((v, i) => strict[i] ? 0.0 : v).ToArray();
            var (bound, perWeight, refined, l1) = StiemkeBound.Refine(a, nu, strict);
            if (bound <= SeparationThreshold && (!strict.Any(s => s) || perWeight <= StrictMargin))
            {
                dualBound = bound;
                break;
            }
            var undecided = Enumerable.Range(0, n).Where(i => !strict[i] && !(refined[i] * SeparationThreshold > l1)).ToList();
            if (attempt == 2 || undecided.Count == 0 || undecided.Count == strict.Count(s => !s) || !(perWeight <= StrictMargin))
            {
                return null;
            }
            undecided.ForEach(i => strict[i] = true);
        }
        bool anyStrict = strict.Any(s => s), anyBoundary = strict.Any(s => !s);
        if (!anyStrict)
        {
            return new Proof(false, false, strict, Array.Empty<double>(), 0, dualBound);
        }
        var beta = ProjectOntoBoundary(a, candidate.Beta, strict);
        if (beta is null)
        {
            return null;
        }
        var margins = new double[n];
        a.Multiply(beta, margins);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (strict[i] ? !(margins[i] >= -BoundaryTolerance) : !(Math.Abs(margins[i]) <= BoundaryTolerance))
            {
                return null;
            }
            sum += strict[i] ? margins[i] : 0;
        }
        var separated = margins.Select(m => m > StrictMargin).ToArray();
        if (!(sum > SeparationThreshold) || !separated.Any(x => x))
        {
            return null;
        }
        if (!anyBoundary)
        {
            // Complete needs every margin above the threshold; short of that this split proves separation only.
            double smallest = margins.Min();
            return new Proof(true, smallest > StrictMargin ? true : null, separated, beta, smallest > StrictMargin ? smallest : 0, sum);
        }
        return new Proof(true, false, separated, beta, 0, sum);
    }

    // The direction scaled to ‖β‖∞ = 1, as the solver left it when its boundary margins are already within the tolerance;
    // otherwise after the least-squares correction that puts them at 0 (a few rounds of iterative refinement on Ã_QᵀÃ_Q).
    private static double[]? ProjectOntoBoundary(SignedDesign a, double[] start, bool[] strict)
    {
        int n = a.RowCount, k = a.Dimension;
        if (Normalised(start) is { } unprojected)
        {
            var first = new double[n];
            a.Multiply(unprojected, first);
            if (first.Where((m, i) => !strict[i]).All(m => Math.Abs(m) <= 0.5 * BoundaryTolerance))
            {
                return unprojected;
            }
        }
        var beta = (double[])start.Clone();
        var theta = strict.Select(s => s ? 0.0 : 1.0).ToArray();
        var factor = Factor(a.WeightedGram(theta), k);
        if (factor is null)
        {
            return null;
        }
        var margins = new double[n];
        for (int round = 0; round < 4; round++)
        {
            a.Multiply(beta, margins);
            var boundary = margins.Select((m, i) => strict[i] ? 0.0 : m).ToArray();
            var correction = new double[k];
            a.MultiplyTransposed(boundary, correction);
            factor.Solve(correction);
            for (int j = 0; j < k; j++)
            {
                beta[j] -= correction[j];
            }
        }
        return Normalised(beta);
    }

    /// <summary>The Cholesky factor of a Gram matrix with a ridge far below its scale (null for a non-finite entry).</summary>
    internal static SemidefiniteCholesky? Factor(double[] gram, int k)
    {
        // A ridge far below the data's scale keeps the factor defined on directions no boundary row spans.
        double largest = 0;
        for (int j = 0; j < k; j++)
        {
            largest = Math.Max(largest, gram[j * k + j]);
        }
        for (int j = 0; j < k; j++)
        {
            gram[j * k + j] += 1e-13 * Math.Max(largest, double.Epsilon);
        }
        return SemidefiniteCholesky.Factor(gram, k);
    }

    private static double[]? Normalised(double[] beta)
    {
        double largest = beta.Max(Math.Abs);
        return largest > 0 && double.IsFinite(largest) ? beta.Select(v => v / largest).ToArray() : null;
    }
}
