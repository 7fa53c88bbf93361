using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Core.Separation;

/// <summary>
/// Whether the maximum-likelihood estimate exists, decided by proof (Albert &amp; Anderson 1984; the linear
/// programs of Konis 2007). With x̃ᵢ = [xᵢ, 1] (each feature column scaled to max |x| = 1) and sᵢ = 2yᵢ − 1,
/// the data are separated when some β has sᵢx̃ᵢβ ≥ 0 on every row and &gt; 0 on at least one — then the
/// likelihood keeps growing along β and has no maximum; completely when one β has every margin &gt; 0,
/// quasi-completely otherwise. Extreme fitted probabilities alone prove nothing.
/// <para>
/// How: one linear program, maximise t subject to sᵢx̃ᵢβ ≥ t, |βⱼ| ≤ 1, t ≤ 1, solved by an interior-point
/// method (<see cref="MinimumMarginProgram"/>) whose limit is strictly complementary — it names the rows any
/// separating direction can put strictly on their side — and then checked by certificates that do not trust
/// the solver (<see cref="SeparationCertificate"/>): a direction for the separated rows and positive dual
/// multipliers for the rest. Both are invariant to the order of rows and columns up to rounding, far below
/// the thresholds (Konis's optimum &gt; 1e-7 is separation, a minimum margin &gt; 1e-9 is complete).
/// </para>
/// Rows with zero weight are left out (the others' weights do not matter). The check never throws for what
/// the data are: a problem above <see cref="MaximumWork"/>, or one whose certificates fail (numerically on the
/// threshold), is "not checked" with the reason.
/// </summary>
public static class SeparationCheck
{
    /// <summary>
    /// Largest (rows + k/3)·k², k = columns + 1 — the multiply-adds of one interior-point iteration (the normal matrix
    /// and its Cholesky factor) — the check takes on; a run needs 15–40 iterations.
    /// </summary>
    public const double MaximumWork = 4e9;

    /// <summary>
    /// Checks <paramref name="data"/> on the feature columns <paramref name="columns"/> (all when null; the
    /// intercept is always in), on <paramref name="threads"/> threads (all cores when null; the verdict and the
    /// direction do not depend on it).
    /// </summary>
    public static SeparationResult Run(TrainingSet data, IReadOnlyList<int>? columns = null, int? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = (columns ?? Enumerable.Range(0, data.FeatureCount).ToArray())
            .Select(j => data.FeatureNames?[j] ?? $"x{j}").ToArray();
        var used = Restrict(data, columns);
        int n = used.RowCount, k = used.FeatureCount + 1;
        if (n == 0)
        {
            return SeparationResult.NotChecked("no row has a positive weight.");
        }
        double work = (n + k / 3.0) * k * k;
        if (work > MaximumWork && RowSpaceSeparation.Applies(n, k, MaximumWork)
            && RowSpaceSeparation.TryProve(new SignedDesign(used.Features, used.Labels, threads ?? Environment.ProcessorCount)) is { } rowProof)
        {
            return Verdict(rowProof, Enumerable.Range(0, used.FeatureCount).ToList(), names, n, Array.Empty<string>());
        }
        if (work > MaximumWork)
        {
            return SeparationResult.NotChecked(string.Create(CultureInfo.InvariantCulture,
                $"the problem is too large to prove in bounded time ({n} rows × {k} columns: {work:G3} multiply-adds per iteration, above {MaximumWork:G3})."));
        }
        var dependent = DependentColumns.Of(used);
        int threadCount = threads ?? Environment.ProcessorCount;
        var (proof, iterations, kept) = Decide(used, dependent.Exact, threadCount, cancellationToken);
        IReadOnlyList<string> setAside = Array.Empty<string>();
        if (proof is null or { Separated: true, Complete: null } && dependent.Numerical.Count > 0)
        {
            // The stored data sit on the threshold; without the columns that differ from combinations of the others only
            // at single precision, the data as written (to more digits) decide — when they do, that verdict is the one given.
            var retry = Decide(used, dependent.Exact.Union(dependent.Numerical).ToHashSet(), threadCount, cancellationToken);
            if (retry.Proof is { Complete: not null } or { Separated: false } || proof is null)
            {
                (proof, iterations, kept) = retry;
                setAside = dependent.Numerical.Order().Select(j => names[j]).ToArray();
            }
        }
        if (proof is null)
        {
            return SeparationResult.NotChecked(string.Create(CultureInfo.InvariantCulture,
                $"the data lie numerically on the threshold: after {iterations} interior-point iterations neither a separating direction nor a dual certificate of no separation could be verified."));
        }
        return Verdict(proof, kept, names, n, setAside);
    }

    // The result of a proof on the columns kept (the direction's last coordinate is the intercept).
    private static SeparationResult Verdict(SeparationCertificate.Proof proof, List<int> kept, string[] names, int n, IReadOnlyList<string> setAside)
    {
        var direction = new Dictionary<string, double>();
        if (proof.Separated)
        {
            int d = kept.Count;
            if (Math.Abs(proof.Direction[d]) > 1e-9)
            {
                direction["intercept"] = proof.Direction[d];
            }
            for (int j = 0; j < d; j++)
            {
                if (Math.Abs(proof.Direction[j]) > 1e-9)
                {
                    direction[names[kept[j]]] = proof.Direction[j];
                }
            }
        }
        int strict = proof.Strict.Count(s => s);
        return new SeparationResult(true, proof.Separated, proof.Complete, strict, direction, proof.MinimumMargin, proof.Bound, BoundaryRows: n - strict)
        {
            SetAside = setAside,
        };
    }

    /// <summary>
    /// The check after a fit: when <paramref name="fittedMargins"/> are given (a converged unpenalised fit's, one per row),
    /// first the certificate they offer (<see cref="FittedOverlap"/>), then, when it proves nothing, <see cref="Run(TrainingSet, IReadOnlyList{int}?, int?, CancellationToken)"/>.
    /// </summary>
    internal static SeparationResult AfterFit(TrainingSet data, double[]? fittedMargins, int? threads, CancellationToken cancellationToken) =>
        (fittedMargins is null ? null : FittedOverlap.Prove(data, fittedMargins, threads)) ?? Run(data, null, threads, cancellationToken);

    // The interior-point solve and the proof on the features not in leftOut; when that proves no full verdict, a second
    // solve on columns shifted towards 0 (see ShiftedColumns), its candidates proved on the original columns.
    private static (SeparationCertificate.Proof? Proof, int Iterations, List<int> Kept) Decide(
        TrainingSet data, IReadOnlySet<int> leftOut, int threads, CancellationToken cancellationToken)
    {
        var kept = Enumerable.Range(0, data.FeatureCount).Where(j => !leftOut.Contains(j)).ToList();
        var used = kept.Count < data.FeatureCount ? data.SelectFeatures(kept) : data;
        var design = new SignedDesign(used.Features, used.Labels, threads);
        var candidates = new MinimumMarginProgram(design).Solve(cancellationToken);
        var proof = Strongest(design, candidates, null);
        int iterations = candidates[0].Iterations;
        if (proof is not { Complete: not null } && ShiftedColumns.Of(used) is { } shifted)
        {
            var shiftedDesign = new SignedDesign(shifted.Data.Features, shifted.Data.Labels, threads);
            var more = new MinimumMarginProgram(shiftedDesign).Solve(cancellationToken);
            proof = Strongest(design, more.Select(c => c with { Beta = shifted.MapBack(c.Beta, design, shiftedDesign) }), proof);
            iterations += more[0].Iterations;
        }
        return (proof, iterations, kept);
    }

    // A full verdict from any candidate; a separation without a verdict on completeness only if none gives one.
    private static SeparationCertificate.Proof? Strongest(
        SignedDesign design, IEnumerable<MinimumMarginProgram.Solution> candidates, SeparationCertificate.Proof? proof)
    {
        foreach (var candidate in candidates)
        {
            var next = SeparationCertificate.Prove(design, candidate);
            proof = next is { Complete: not null } || proof is null ? next : proof;
            if (proof is { Complete: not null })
            {
                break;
            }
        }
        return proof;
    }

    // The rows with a positive weight and the listed columns (the training set itself when that is all of it).
    private static TrainingSet Restrict(TrainingSet data, IReadOnlyList<int>? columns)
    {
        bool allColumns = columns is null || (columns.Count == data.FeatureCount && columns.Select((c, j) => c == j).All(b => b));
        var result = allColumns ? data : data.SelectFeatures(columns!);
        if (data.ExampleWeights is { } weights && weights.Any(w => w == 0))
        {
            result = result.SelectRows(Enumerable.Range(0, data.RowCount).Where(i => weights[i] > 0).ToArray());
        }
        return result;
    }
}
