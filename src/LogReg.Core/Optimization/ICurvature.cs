namespace LogReg.Core.Optimization;

/// <summary>A symmetric curvature operator H (Hessian or a positive semi-definite model of it), fixed when made.</summary>
public interface ICurvature
{
    /// <summary>Size of H.</summary>
    int Dimension { get; }

    /// <summary>result = H·v.</summary>
    void Multiply(ReadOnlySpan<double> v, Span<double> result);

    /// <summary>H as a dense row-major Dimension×Dimension array (for small dimension).</summary>
    double[] ToDense();

    /// <summary>
    /// Writes H's diagonal (penalty included) when it costs at most about half a product — what a preconditioner for
    /// conjugate gradients can afford at every Newton step — and returns true; false (nothing written) otherwise.
    /// </summary>
    bool TryGetDiagonal(Span<double> diagonal) => false;
}
