using System.Diagnostics;
using LogReg.Core.Numerics;
using LogReg.Core.Penalties;

namespace LogReg.Core.Optimization;

/// <summary>
/// The current point of an optimizer run and its candidate successor: x, f(x), F(x), ∇f(x) and the
/// pseudo-gradient, and the same for the candidate that a step proposes. A step fills the
/// candidate (<see cref="EvaluateCandidate"/>); the loop accepts it (<see cref="Accept"/>), which
/// swaps the buffers and records the trace. Nothing is allocated per iteration.
/// </summary>
internal sealed class IterationState
{
    private readonly List<IterationRecord> _trace = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IterationState(IDifferentiableObjective objective, ReadOnlySpan<double> start, OptimizerSettings settings)
    {
        Objective = new CountingObjective(objective);
        Penalty = objective.Penalty;
        Settings = settings;
        Scale = objective.ValueScale;
        if (!(Scale > 0) || !double.IsFinite(Scale))
        {
            throw new ArgumentException($"The objective's value scale is {Scale}; expected a finite number > 0.", nameof(objective));
        }
        int n = objective.Dimension;
        if (start.Length < n)
        {
            throw new ArgumentException($"The start point has {start.Length} coordinates; the objective has {n}.", nameof(start));
        }
        X = start.Slice(0, n).ToArray();
        Gradient = new double[n];
        PseudoGradient = new double[n];
        Candidate = new double[n];
        CandidateGradient = new double[n];
        Smooth = Objective.SmoothValueAndGradient(X, Gradient);
        Total = Smooth + Penalty.L1Value(X);
        Penalty.PseudoGradient(X, Gradient, PseudoGradient);
    }

    public CountingObjective Objective { get; }

    public ElasticNetPenalty Penalty { get; }

    public OptimizerSettings Settings { get; }

    /// <summary>The objective's value scale u (see <see cref="StoppingTests"/>).</summary>
    public double Scale { get; }

    public int Dimension => X.Length;

    public double[] X { get; private set; }

    public double[] Gradient { get; private set; }

    /// <summary>The minimum-norm subgradient of F at x (∇f when there is no L1 part).</summary>
    public double[] PseudoGradient { get; }

    /// <summary>f(x).</summary>
    public double Smooth { get; private set; }

    /// <summary>F(x) = f(x) + L1 part.</summary>
    public double Total { get; private set; }

    public double GradientNorm => VectorKernels.MaxAbs(PseudoGradient);

    public double[] Candidate { get; private set; }

    public double[] CandidateGradient { get; private set; }

    public double CandidateSmooth { get; private set; }

    public double CandidateTotal { get; private set; }

    /// <summary>
    /// Whether a decrement claim at x survives the objective's own curvature diagonal (<see cref="StoppingTests.DecrementBoundMet"/>;
    /// true when the objective cannot give one). One pass over the data.
    /// </summary>
    public bool DecrementClaimHolds() =>
        Objective.CurvatureDiagonalAt(X) is not { } diagonal
        || StoppingTests.DecrementBoundMet(PseudoGradient, diagonal, Total, Settings.OptimizationTolerance, Scale);

    /// <summary>Accepted iterations so far.</summary>
    public int Iterations => _trace.Count;

    /// <summary>Evaluates f, ∇f and F at <see cref="Candidate"/> (one fused pass).</summary>
    public void EvaluateCandidate()
    {
        CandidateSmooth = Objective.SmoothValueAndGradient(Candidate, CandidateGradient);
        CandidateTotal = CandidateSmooth + Penalty.L1Value(Candidate);
    }

    /// <summary>Makes the candidate the current point and records the iteration.</summary>
    public void Accept(double stepSize)
    {
        (X, Candidate) = (Candidate, X);
        (Gradient, CandidateGradient) = (CandidateGradient, Gradient);
        Smooth = CandidateSmooth;
        Total = CandidateTotal;
        Penalty.PseudoGradient(X, Gradient, PseudoGradient);
        var record = new IterationRecord(_trace.Count + 1, Total, GradientNorm, stepSize, _clock.Elapsed);
        _trace.Add(record);
        Settings.Progress?.Report(record);
    }

    /// <summary>The result for stopping with <paramref name="reason"/>.</summary>
    public OptimizationResult Finish(TerminationReason reason, bool secondOrder)
    {
        // Converged means a first-order test holds at the returned point: the gradient test, or the
        // decrement test (−∇F·d, the gradient measured in the method's inverse-curvature norm) on the
        // direction computed there, which the loop has checked against the objective's own curvature diagonal.
        // SGD's stall test is not one: it says the run stopped moving.
        bool converged = reason is TerminationReason.GradientTolerance or TerminationReason.DecrementTolerance;
        var remedies = converged ? Remedy.None : Remedies.For(reason, secondOrder);
        string message = converged
            ? $"Converged after {Iterations} iterations ({reason})."
            : $"Not converged after {Iterations} iterations: {Remedies.Explain(reason)}. Remedies: {Remedies.Describe(remedies)}.";
        return new OptimizationResult(X, Total, GradientNorm, Iterations, Objective.Counts, reason, converged, remedies, message, _trace);
    }
}
