namespace LogReg.Core.Training;

/// <summary>Which optimizer fits the model (see <see cref="OptimizerCatalog"/> for names and the Auto rule).</summary>
public enum OptimizerKind
{
    /// <summary>The fastest exact optimizer for the problem (<see cref="OptimizerCatalog.Resolve(ModelFamily, TrainerOptions, int, long, bool)"/>).</summary>
    Auto = 0,

    /// <summary>Batch gradient descent in the seed's five steps.</summary>
    GradientDescent = 1,

    /// <summary>Mini-batch stochastic gradient descent.</summary>
    MiniBatchSgd = 2,

    /// <summary>Newton's method (dense Cholesky or Newton-CG).</summary>
    Newton = 3,

    /// <summary>L-BFGS, OWL-QN when L1 &gt; 0.</summary>
    Lbfgs = 4,

    /// <summary>
    /// Coordinate descent on the quadratic model along a regularisation path (glmnet's; <c>Paths.ElasticNetPath</c>):
    /// what the report of a model chosen by cross-validation names. Not a choice for a single fit.
    /// </summary>
    CoordinateDescent = 5,
}
