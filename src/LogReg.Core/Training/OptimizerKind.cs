namespace LogReg.Core.Training;

/// <summary>Which optimizer fits the model.</summary>
public enum OptimizerKind
{
    /// <summary>
    /// The fastest exact optimizer for the problem: Newton (dense Cholesky) when L1 = 0 and
    /// d + 1 ≤ <see cref="TrainerDefaults.AutoNewtonLimit"/>, otherwise L-BFGS (OWL-QN under L1).
    /// </summary>
    Auto = 0,

    /// <summary>Batch gradient descent in the seed's five steps.</summary>
    GradientDescent = 1,

    /// <summary>Mini-batch stochastic gradient descent.</summary>
    MiniBatchSgd = 2,

    /// <summary>Newton's method (dense Cholesky or Newton-CG).</summary>
    Newton = 3,

    /// <summary>L-BFGS, OWL-QN when L1 &gt; 0.</summary>
    Lbfgs = 4,
}
