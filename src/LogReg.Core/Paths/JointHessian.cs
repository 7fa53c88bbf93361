using LogReg.Core.Numerics;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial loss's Hessian for the joint Newton steps (<see cref="MultinomialNewtonSolve"/>): block (k, l) is
/// Σᵢ wᵢ(δₖₗpᵢₖ − pᵢₖpᵢₗ)·x̃ᵢx̃ᵢᵀ on the standardised columns, from the <see cref="PathProblem"/>'s raw Grams centred by
/// <see cref="RawGramCentring"/>. K(K − 1)/2 Grams make all K² blocks: an off-diagonal block is −Σᵢ wᵢpᵢₖpᵢₗ·x̃ᵢx̃ᵢᵀ, and
/// as the probabilities sum to 1, pₖ(1 − pₖ) = Σₗ≠ₖ pₖpₗ makes each diagonal block the sum of its class's off-diagonal
/// Grams — positive terms only, so as exact as the complement near certainty, where forming the diagonal apart cost K
/// more Grams (K = 4: 6 not 10).
/// </summary>
internal static class JointHessian
{
    /// <summary>Writes the Hessian of the present classes (<paramref name="probabilities"/>, one array each) over
    /// <paramref name="columns"/> and the intercepts into <paramref name="hessian"/> (classes × (columns + 1), squared).</summary>
    public static void Form(PathProblem problem, int[] columns, double[][] probabilities, double[] hessian, SoftmaxWork work)
    {
        var weights = problem.NormalizedWeights;
        var rowWeights = work.RowWeights;
        var mean = columns.Select(problem.GramMean).ToArray();
        var scale = columns.Select(problem.Scale).ToArray();
        int classes = probabilities.Length, stride = columns.Length + 1, size = classes * stride;
        var grams = work.BlockGrams(classes + 1, stride * stride);
        var (gram, diagonal) = (grams[classes], grams[..classes]);
        foreach (var sum in diagonal)
        {
            Array.Clear(sum);
        }
        for (int c = 0; c < classes; c++)
        {
            for (int e = c + 1; e < classes; e++)
            {
                var (pc, pe) = (probabilities[c], probabilities[e]);
                for (int i = 0; i < rowWeights.Length; i++)
                {
                    rowWeights[i] = weights[i] * pc[i] * pe[i];
                }
                Array.Clear(gram);
                problem.AddRawGram(columns, rowWeights, gram);
                PlaceBlock(gram, mean, scale, hessian, size, c * stride, e * stride, -1);
                VectorKernels.AddScaled(gram, 1, diagonal[c]);
                VectorKernels.AddScaled(gram, 1, diagonal[e]);
            }
        }
        for (int c = 0; c < classes; c++)
        {
            PlaceBlock(diagonal[c], mean, scale, hessian, size, c * stride, c * stride, 1);
        }
    }

    // The block (row, column) of the Hessian, sign × a raw Gram of the stored values centred and scaled as the covariance
    // form does; mirrored into (column, row).
    private static void PlaceBlock(double[] gram, double[] mean, double[] scale, double[] hessian, int size, int row, int column, double sign)
    {
        int stride = mean.Length + 1;
        for (int a = 0; a < stride; a++)
        {
            for (int b = 0; b < stride; b++)
            {
                double h = sign * RawGramCentring.Entry(gram, mean, scale, a, b);
                hessian[(row + a) * size + column + b] = h;
                hessian[(column + b) * size + row + a] = h;
            }
        }
    }
}
