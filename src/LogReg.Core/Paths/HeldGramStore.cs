namespace LogReg.Core.Paths;

/// <summary>
/// The Grams a problem's solves left for the next ones (<see cref="HeldGram"/>), one per label vector: the binary path
/// has one, the multinomial path's classes one each on their own indicators. Without offsets a Gram is kept only when
/// its solve settled and taken only at the same point; with offsets (the multinomial's class solves) the caller judges
/// its age over every class's margins (<see cref="ClassCurvatureAge"/>).
/// </summary>
internal sealed class HeldGramStore(MatrixScratch scratch)
{
    private readonly Dictionary<double[], HeldGram> _byLabels = new(ReferenceEqualityComparer.Instance);
    private bool _fits;

    /// <summary>
    /// With offsets: whether the Gram held for <paramref name="labels"/> still fits the next solve. When it does not, it is
    /// dropped at once (a solve over the rows, which forms none, must not leave it for a later one). Read by the next
    /// <see cref="Take"/>, then cleared.
    /// </summary>
    public void Judge(double[] labels, bool stillFits)
    {
        _fits = stillFits;
        if (!stillFits && _byLabels.Remove(labels, out var dropped))
        {
            scratch.Return(dropped.Model);
        }
    }

    /// <summary>
    /// Keeps the quadratic model over <paramref name="columns"/> as a solve on <paramref name="labels"/> ended at (β, b), the
    /// coefficients having moved by <paramref name="drift"/> since it was formed: without offsets only when the solve
    /// <paramref name="settled"/>; with offsets always, its age left to the caller.
    /// </summary>
    public void Hold(int[] columns, QuadraticModel model, double drift, double[] beta, double intercept, bool settled, double[] labels,
        bool withOffsets)
    {
        if (settled || withOffsets)
        {
            if (_byLabels.GetValueOrDefault(labels) is { } replaced && replaced.Model != model)
            {
                scratch.Return(replaced.Model);
            }
            // With offsets neither the point nor the drift is read: the caller judges the Gram's age.
            _byLabels[labels] = withOffsets
                ? new HeldGram(columns, model, 0, null)
                : new HeldGram(columns, model, drift, new PathPoint(beta, intercept, labels));
        }
        else
        {
            scratch.Return(model);
        }
    }

    /// <summary>
    /// The Gram held for <paramref name="labels"/>, when a solve over the same <paramref name="columns"/> starts at its
    /// point (without offsets) or <see cref="Judge"/> said it still fits (with offsets); read once.
    /// </summary>
    public HeldGram? Take(int[] columns, double[] beta, double intercept, double[] labels, bool withOffsets)
    {
        bool fits = _fits;
        _fits = false;
        if (!_byLabels.Remove(labels, out var held))
        {
            return null;
        }
        if (withOffsets ? fits && held.Covers(columns) : held.Fits(columns, beta, intercept, labels))
        {
            return held;
        }
        scratch.Return(held.Model);
        return null;
    }

    /// <summary>Lets every held Gram go to the scratch: the problem is done.</summary>
    public void ReleaseAll()
    {
        foreach (var held in _byLabels.Values)
        {
            scratch.Return(held.Model);
            held.Model.ReleaseSystemStorage();
        }
        _byLabels.Clear();
    }
}
