namespace LogReg.Core.Paths;

/// <summary>What a problem's covariance-form solves leave for the next: the Gram held per label vector, and the large
/// arrays let go.</summary>
internal abstract partial class PathProblem
{
    private readonly HeldGramStore _heldGrams;

    /// <summary>Large arrays this problem's solves let go, for the next (<see cref="MatrixScratch"/>).</summary>
    internal MatrixScratch Scratch { get; } = new();

    /// <summary>With offsets: whether the Gram held for the current labels still fits (<see cref="HeldGramStore.Judge"/>).</summary>
    public void JudgeHeldGram(bool stillFits) => _heldGrams.Judge(Labels, stillFits);

    /// <summary>Keeps a solve's last Gram for the current labels (<see cref="HeldGramStore.Hold"/>).</summary>
    public void HoldGram(int[] columns, QuadraticModel model, double drift, double[] beta, double intercept, bool settled) =>
        _heldGrams.Hold(columns, model, drift, beta, intercept, settled, Labels, Offsets is not null);

    /// <summary>The Gram held for the current labels, if the next solve may take it (<see cref="HeldGramStore.Take"/>).</summary>
    public HeldGram? TakeGram(int[] columns, double[] beta, double intercept) =>
        _heldGrams.Take(columns, beta, intercept, Labels, Offsets is not null);

    /// <summary>The problem is done: its held Grams and the arrays it kept go to the shared pool (<see cref="MatrixScratch"/>),
    /// for the next problem on this thread.</summary>
    public virtual void ReleaseArrays()
    {
        _heldGrams.ReleaseAll();
        Scratch.ReleaseAll();
    }
}
