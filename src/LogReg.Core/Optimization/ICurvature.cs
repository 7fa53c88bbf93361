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
}
