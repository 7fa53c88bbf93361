namespace LogReg.Core.Paths;

/// <summary>
/// The paths' screening, a class at a time (the binary path is one class): the multinomial's ungrouped penalty is
/// separable in every coefficient βₖⱼ, so the sequential strong rule (|gₖⱼ| at the last λ's solution ≥ α(2λ − λ′)) and the
/// KKT check apply to each class's coefficients on their own. glmnet screens a feature in for every class when any class's gradient passes; on Zipf text
/// rows a class's non-zero coefficients held half the stored values of the features non-zero in some class, and a class's
/// solve costs its columns' stored values. The rounds, the shift, the jumps and the joint Newton steps work over the
/// union of the classes' columns; each class's solve over its own.
/// </summary>
internal sealed class ClassScreen
{
    private readonly PathProblem _problem;
    private readonly bool[] _present;
    private readonly bool[][] _keep;
    private bool[]? _union;

    public ClassScreen(PathProblem problem, bool[] present)
    {
        (_problem, _present) = (problem, present);
        _keep = present.Select(_ => new bool[problem.FeatureCount]).ToArray();
        ByClass = present.Select(_ => Array.Empty<int>()).ToArray();
    }

    /// <summary>The columns screened in for some class, ascending.</summary>
    public int[] Union { get; private set; } = [];

    /// <summary>Each class's screened-in columns, ascending (empty for a class without weight).</summary>
    public int[][] ByClass { get; }

    /// <summary>
    /// The strong sets at <paramref name="lambda"/> from each class's gradient gₖⱼ (its magnitude read) at the solution of
    /// <paramref name="previousLambda"/>, with every coefficient still non-zero kept in its class.
    /// </summary>
    public void Start(double[][] gradients, double lambda, double previousLambda, double alpha, double[][] beta)
    {
        double bar = alpha * (2 * lambda - previousLambda);
        for (int k = 0; k < _keep.Length; k++)
        {
            if (!_present[k])
            {
                continue;
            }
            var keep = _keep[k];
            var g = gradients[k];
            var b = beta[k];
            for (int j = 0; j < keep.Length; j++)
            {
                keep[j] = alpha == 0 || b[j] != 0 || Math.Abs(g[j]) >= bar;
            }
        }
        Rebuild();
    }

    /// <summary>
    /// The KKT check at <paramref name="lambda"/>: screens in each zero coefficient whose |gₖⱼ| exceeds λα; whether any did
    /// (the λ is then solved again).
    /// </summary>
    public bool AddViolations(double[][] gradients, double lambda, double alpha)
    {
        bool violated = false;
        double bar = lambda * alpha * (1 + 1e-12);
        for (int k = 0; k < _keep.Length; k++)
        {
            if (!_present[k])
            {
                continue;
            }
            var keep = _keep[k];
            var g = gradients[k];
            for (int j = 0; j < keep.Length; j++)
            {
                if (!keep[j] && _problem.Varies(j) && Math.Abs(g[j]) > bar)
                {
                    keep[j] = violated = true;
                }
            }
        }
        if (violated)
        {
            Rebuild();
        }
        return violated;
    }

    /// <summary>Screens in, for every class, each column whose coefficient is non-zero in that class (after a shift or the joint steps).</summary>
    public void KeepNonZero(double[][] beta)
    {
        bool added = false;
        for (int k = 0; k < _keep.Length; k++)
        {
            if (!_present[k])
            {
                continue;
            }
            foreach (int j in Union)
            {
                if (beta[k][j] != 0 && !_keep[k][j])
                {
                    _keep[k][j] = added = true;
                }
            }
        }
        if (added)
        {
            Rebuild();
        }
    }

    // Counted, then filled: on text (181,627 features × 22 classes, a ridge screening every one in) lists grown by doubling
    // were gigabytes of large-object garbage over a path. A class's array is kept while its columns stay the same.
    private void Rebuild()
    {
        var union = _union ??= new bool[_problem.FeatureCount];
        Array.Clear(union);
        for (int k = 0; k < _keep.Length; k++)
        {
            if (!_present[k])
            {
                continue;
            }
            var keep = _keep[k];
            int count = 0;
            for (int j = 0; j < keep.Length; j++)
            {
                if (keep[j] && _problem.Varies(j))
                {
                    count++;
                    union[j] = true;
                }
            }
            ByClass[k] = Listed(keep, count, ByClass[k]);
        }
        Union = Listed(union, union.Count(u => u), Union);
    }

    // The indices j with flags[j] (and a varying column), ascending: the previous array when it lists the same ones.
    private int[] Listed(bool[] flags, int count, int[] previous)
    {
        if (previous.Length == count && previous.All(j => flags[j]))
        {
            return previous;
        }
        var listed = new int[count];
        for (int j = 0, a = 0; a < count; j++)
        {
            if (flags[j] && _problem.Varies(j))
            {
                listed[a++] = j;
            }
        }
        return listed;
    }
}
