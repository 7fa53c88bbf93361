using LogReg.Core.Data;
using LogReg.Core.Separation;

namespace LogReg.Core.Paths;

/// <summary>
/// Before the multinomial path solves λ = 0: its minimum must exist, which <see cref="MultinomialSeparationCheck"/>
/// decides by proof. The rounds and the joint steps would otherwise stop at an arbitrary point of a divergent direction.
/// A check too large to prove claims nothing (the path then solves as asked).
/// </summary>
internal static class SeparatedClassCheck
{
    /// <summary>Throws when the classes of <paramref name="data"/> with weight (<paramref name="present"/>) are separated.</summary>
    /// <exception cref="InvalidOperationException">No minimum at λ = 0.</exception>
    public static void RefuseAtZero(MulticlassTrainingSet data, bool[] present)
    {
        var verdict = MultinomialSeparationCheck.Run(data, present);
        if (verdict.Checked && verdict.Separated)
        {
            throw new InvalidOperationException($"At λ = 0 the multinomial likelihood has no maximum: {verdict.Describe()} Use λ > 0.");
        }
    }
}
