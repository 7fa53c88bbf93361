using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// One Newton step's quadratic model of the loss over m screened-in columns and the intercept: the curvature H (m × m,
/// row-major), its intercept row H0 and corner H00, and the model's negative gradient at the current move (Q, Q0), which
/// every coordinate move updates.
/// </summary>
internal sealed class QuadraticModel(int m, double[]? h = null)
{
    /// <summary>The curvature, m × m row-major in the first m² values (the array given to the constructor, which may be longer).</summary>
    public double[] H { get; } = h ?? new double[m * m];

    public double[] H0 { get; } = new double[m];

    public double H00 { get; set; }

    public double[] Q { get; } = new double[m];

    public double Q0 { get; set; }

    /// <summary>
    /// The last active-set system solved on this curvature (<see cref="ActiveSetStep"/>), with its active columns, ridge
    /// and factor: while H stands the same set's system is the same (the multinomial rounds take a class's exact step on a
    /// held curvature round after round). Cleared when H is formed again.
    /// </summary>
    public ActiveSetStep.ActiveSystem? Factorisation { get; set; }

    private (double[] Matrix, double[] Factor) _systemStorage = ([], []);

    /// <summary>
    /// Storage of at least <paramref name="length"/> values for an active-set system's matrix and its factor, the same two
    /// arrays each time (grown when short): a new system replaces <see cref="Factorisation"/>, so the last one's arrays are
    /// free. Fresh ones for every factorisation were 2 MB each on ticdata's 455 columns — over 5 GB of pages the kernel
    /// zeroed in one cross-validation, a tenth of its time.
    /// </summary>
    public (double[] Matrix, double[] Factor) SystemStorage(int length)
    {
        if (_systemStorage.Matrix.Length < length)
        {
            _systemStorage = (PooledArray.Rent<double>(length), PooledArray.Rent<double>(length));
        }
        return _systemStorage;
    }

    /// <summary>Hands the system storage to the shared pool: the problem is done (<see cref="PathProblem.ReleaseArrays"/>).</summary>
    public void ReleaseSystemStorage()
    {
        PooledArray.Return(_systemStorage.Matrix);
        PooledArray.Return(_systemStorage.Factor);
        _systemStorage = ([], []);
        Factorisation = null;
    }

    /// <summary>Hands the system storage on to the model that replaces this one (<see cref="GramExtension"/>).</summary>
    public void PassSystemStorageTo(QuadraticModel successor) => (successor._systemStorage, _systemStorage) = (_systemStorage, ([], []));

    /// <summary>
    /// The raw Gram (<see cref="PathProblem.AddRawGram"/>) H was centred from and the curvature weights it was formed with,
    /// when kept (without offsets): a later solve from the same point over other columns extends it (<see cref="GramExtension"/>)
    /// instead of forming one afresh.
    /// </summary>
    public (double[] Gram, double[] Weights)? Formed { get; set; }

    /// <summary>Sets H, H0 and H00 from <paramref name="gram"/> ((m + 1)², upper triangle), centred and scaled by the columns'
    /// <paramref name="mean"/> and <paramref name="scale"/>.</summary>
    public void CentreFrom(double[] gram, double[] mean, double[] scale) => H00 = RawGramCentring.Centre(gram, mean, scale, H, H0);

    /// <summary>Column a moves by <paramref name="delta"/>.</summary>
    public void Move(int a, double delta)
    {
        VectorKernels.AddScaled(H.AsSpan(a * m, m), -delta, Q);
        Q0 -= H0[a] * delta;
    }

    /// <summary>The intercept moves by <paramref name="delta"/>.</summary>
    public void MoveIntercept(double delta)
    {
        VectorKernels.AddScaled(H0, -delta, Q);
        Q0 -= H00 * delta;
    }
}
