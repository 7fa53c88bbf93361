namespace LogReg.Core.Paths;

/// <summary>
/// One row's softmax from its cached exponentials exp(ηₗ − c) (0 for a class out of play): the class with the largest,
/// the sum of the others', and the total (<see cref="SoftmaxExponentials"/> keeps them). 1 − p of the largest class is
/// the others' share of the total, which 1 − p would round away on a row it is nearly certain of (p = 1 − 1e-12 keeps
/// four digits of 1e-12); any other class has p ≤ ½, where the subtraction is exact enough.
/// </summary>
internal readonly record struct SoftmaxRow(int Top, double Others, double Total)
{
    /// <summary>pₖ, class k's exponential being <paramref name="exponential"/>.</summary>
    public double Probability(double exponential) => exponential / Total;

    /// <summary>1 − pₖ, class k's exponential being <paramref name="exponential"/>.</summary>
    public double Complement(int k, double exponential) => k == Top ? Others / Total : 1 - exponential / Total;
}
