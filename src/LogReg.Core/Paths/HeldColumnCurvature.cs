using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The sparse sweeps' quadratic model kept from one Newton step to the next and from one λ to the next: the rows'
/// curvature weights vᵢ it was formed with, and each column's Σvᵢx̃ᵢⱼ² and Σvᵢxᵢⱼ (with vᵢxᵢⱼ in the problem's stored
/// buffer) as they are first needed. While the coefficients have moved little in all since it was formed (the covariance
/// form's rule for its Gram) the curvature has hardly changed, and the model still gives a superlinear step from the
/// exact gradient; forming it again was a pass over every stored value in play each step.
/// </summary>
internal sealed class HeldColumnCurvature(int rowCount, int featureCount)
{
    private readonly double[] _weights = new double[rowCount];
    private readonly double[] _curvature = new double[featureCount];
    private readonly double[] _crossWeights = new double[featureCount];
    // The generation each column's entries were made in; 0 is never current.
    private readonly int[] _madeIn = new int[featureCount];
    private int _generation;
    private readonly PathPoint _point = new();

    /// <summary>The rows' curvature weights vᵢ the model was formed with.</summary>
    public double[] Weights => _weights;

    /// <summary>Σ vᵢ.</summary>
    public double WeightSum { get; private set; }

    /// <summary>The sum of the Newton steps' largest moves (standardised coefficients, intercept) since the model was formed;
    /// +∞ when there is none to take.</summary>
    public double Drift { get; private set; } = double.PositiveInfinity;

    /// <summary>Adds a Newton step's largest move (<see cref="CoordinateSteps.LargestMove"/>) to <see cref="Drift"/>.</summary>
    public void Moved(double largestMove) => Drift += largestMove;

    /// <summary>Starts a model from the rows' weights <paramref name="v"/> at the current point: no column known yet.</summary>
    public void Renew(double[] v)
    {
        Array.Copy(v, _weights, _weights.Length);
        WeightSum = VectorKernels.Sum(_weights);
        _generation++;
        Drift = 0;
    }

    /// <summary>Column j's curvature and cross weight, if made for the current model.</summary>
    public bool TryGet(int j, out double curvature, out double crossWeight)
    {
        (curvature, crossWeight) = (_curvature[j], _crossWeights[j]);
        return _madeIn[j] == _generation;
    }

    /// <summary>Records column j's entries for the current model.</summary>
    public void Set(int j, double curvature, double crossWeight)
    {
        (_curvature[j], _crossWeights[j], _madeIn[j]) = (curvature, crossWeight, _generation);
    }

    /// <summary>Marks (β, b) on <paramref name="labels"/> as where the last solve ended.</summary>
    public void EndedAt(double[] beta, double intercept, double[] labels) => _point.MoveTo(beta, intercept, labels);

    /// <summary>Forgets the model unless a solve starts where the last one ended.</summary>
    public void StartAt(double[] beta, double intercept, double[] labels)
    {
        if (!_point.Is(beta, intercept, labels))
        {
            Drift = double.PositiveInfinity;
        }
        _point.Forget();
    }
}
