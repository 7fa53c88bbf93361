using LogReg.Core.Data;
using LogReg.Core.Separation;

namespace LogReg.Core.Paths;

/// <summary>
/// Before a path solves λ = 0: its minimum must exist, which <see cref="MultinomialSeparationCheck"/> (and, for the
/// binary path, <see cref="SeparationCheck"/>) decides by proof. The steps would otherwise stop at an arbitrary point of a
/// divergent direction — an outside tester's separated binary rows came back at λ = 0 as coefficients of 489, 83, −40
/// and −11 marked converged. A check too large to prove claims nothing (the path then solves as asked).
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

    /// <summary>Throws when the binary rows of <paramref name="data"/> with weight are separated.</summary>
    /// <exception cref="InvalidOperationException">No minimum at λ = 0.</exception>
    public static void RefuseAtZero(TrainingSet data)
    {
        var verdict = SeparationCheck.Run(data);
        if (verdict.Checked && verdict.Separated)
        {
            throw new InvalidOperationException($"At λ = 0 the likelihood has no maximum: {verdict.Describe()} Use λ > 0.");
        }
    }
}
