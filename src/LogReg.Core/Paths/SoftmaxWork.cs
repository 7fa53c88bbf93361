namespace LogReg.Core.Paths;

/// <summary>
/// Row-length work arrays of one multinomial path, kept across its λ and Newton steps: made fresh each time they were 215 MB
/// a path on mlbench's waveform (20,000 rows × 3 classes), large objects whose gen-2 collections and page faults were a
/// tenth of its time. The path's solves run one at a time; each caller sets the contents it reads.
/// </summary>
internal sealed class SoftmaxWork(int classes, int rows)
{
    private readonly double[][] _probabilities = Rows(classes, rows);
    private readonly double[][] _complements = Rows(classes, rows);
    private readonly double[][] _before = Rows(classes, rows);
    private JointQuadraticModel? _joint;
    private double[][] _grams = [];
    private double[][] _extrapolation = [];
    private double[]? _shift;
    private double[][] _step = [];

    /// <summary>One array per class: the residuals of the KKT check's gradient.</summary>
    public double[][] Residuals { get; } = Rows(classes, rows);

    /// <summary>One row-length array: a Hessian block's row weights, a gradient's residuals.</summary>
    public double[] RowWeights { get; } = new double[rows];

    /// <summary>One row-length array: the rows' mean move over the classes.</summary>
    public double[] MeanMove { get; } = new double[rows];

    /// <summary>One row-length array: a class's margins before its step in a round.</summary>
    public double[] ClassStart { get; } = new double[rows];

    /// <summary>One row-length array: the margins' move under a shift common to the classes.</summary>
    public double[] ShiftMoves { get; } = new double[rows];

    /// <summary>The probabilities of <paramref name="count"/> classes, one array each.</summary>
    public double[][] Probabilities(int count) => First(_probabilities, count);

    /// <summary>Their complements 1 − p, one array each.</summary>
    public double[][] Complements(int count) => First(_complements, count);

    /// <summary>Their margins before a step, one array each.</summary>
    public double[][] Before(int count) => First(_before, count);

    /// <summary>
    /// The joint Newton steps' model over <paramref name="size"/> variables, the last one kept while its shape stands: three
    /// size² arrays (the Hessian, the active set's system and its factor) made afresh each λ were large objects whose page
    /// faults were a fifth of a small ridge path's time (300 rows × 20 columns × 5 classes).
    /// </summary>
    public JointQuadraticModel JointModel(int size, int stride) =>
        _joint is { } held && held.Size == size && held.Stride == stride ? held : _joint = new JointQuadraticModel(new double[size * size], size, stride);

    /// <summary>
    /// <paramref name="count"/> raw Grams of <paramref name="length"/> entries for the joint Hessian's blocks (one being
    /// formed, one per class summing the diagonal blocks), kept while their shape stands; the caller clears them.
    /// </summary>
    public double[][] BlockGrams(int count, int length) =>
        _grams.Length == count && _grams[0].Length == length ? _grams : _grams = Rows(count, length);

    /// <summary>
    /// Five arrays of at least <paramref name="size"/> values for one λ's <see cref="RoundExtrapolation"/>, kept and grown by
    /// half again when too short: on text (22 classes × 181,627 columns in play under a ridge) a fresh set each λ was 160 MB
    /// of large objects, which the collector let pile up to gigabytes over a path. The extrapolation writes the first
    /// <paramref name="size"/> values of each before it reads them.
    /// </summary>
    public double[][] ExtrapolationArrays(int size) => Grown(ref _extrapolation, 5, size);

    /// <summary>Two arrays of at least <paramref name="size"/> values for a λ's <see cref="HalvableStep"/>, kept and grown as
    /// <see cref="ExtrapolationArrays"/>.</summary>
    public double[][] StepArrays(int size) => Grown(ref _step, 2, size);

    /// <summary>One feature-length array for the penalty shift, the same each call: <see cref="PenaltyShift.ApplyToAll"/>
    /// clears it before writing, and nothing reads it before that.</summary>
    public double[] FeatureShift(int features) => _shift?.Length == features ? _shift : _shift = new double[features];

    // count arrays of at least size values: the held ones, else new ones half again as long as the held ones (or size).
    private static double[][] Grown(ref double[][] held, int count, int size) =>
        held.Length == count && held[0].Length >= size
            ? held
            : held = Rows(count, Math.Max(size, held.Length == count ? held[0].Length * 3 / 2 : 0));

    private static double[][] First(double[][] all, int count) => count == all.Length ? all : all[..count];

    private static double[][] Rows(int count, int length) => Enumerable.Range(0, count).Select(_ => new double[length]).ToArray();
}
