using System.Runtime.CompilerServices;

namespace LogReg.Core.Numerics;

/// <summary>
/// Error-free transformations (Ogita, Rump and Oishi, "Accurate sum and dot product", 2005): a sum of
/// products carried as an unevaluated pair high + low is as accurate as if it were computed in twice the
/// working precision. Used where a result is a certificate, so that rounding cannot fake it.
/// </summary>
internal static class CompensatedArithmetic
{
    /// <summary>(high, low) += a·b, with the rounding errors of the product and of the sum kept in low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(ref double high, ref double low, double a, double b)
    {
        double product = a * b;
        double productError = Math.FusedMultiplyAdd(a, b, -product);
        double sum = high + product;
        double virtualB = sum - high;
        double sumError = (high - (sum - virtualB)) + (product - virtualB);
        high = sum;
        low += sumError + productError;
    }
}
