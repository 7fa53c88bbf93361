using LogReg.Core.Data;
using LogReg.Core.Separation;

namespace LogReg.Core.Paths;

/// <summary>
/// Before the multinomial path solves λ = 0: whether some class is separated from all the others, proved by the binary
/// separation check (<see cref="SeparationCheck"/>) on that class against the rest. If a direction a puts every row of
/// class k on one side (a·x̃ ≥ 0) and every other row on the other, some strictly, then moving class k's coefficients
/// along a raises every row's probability of its own class or leaves it, so the unpenalised likelihood has no maximum;
/// the rounds and the joint steps would stop at an arbitrary point of the divergent direction (an outside tester's
/// partially separated classes came back finite). Other separations of a multinomial problem (between some classes
/// only) are not checked; a check that cannot decide (too large) claims nothing.
/// </summary>
internal static class SeparatedClassCheck
{
    /// <summary>Throws when a present class is separated from the rest of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">A class separated from the others: no minimum at λ = 0.</exception>
    public static void RefuseAtZero(MulticlassTrainingSet data, double[][] indicators, bool[] present)
    {
        for (int k = 0; k < indicators.Length; k++)
        {
            if (!present[k])
            {
                continue;
            }
            var result = SeparationCheck.Run(new TrainingSet(data.Features, indicators[k], data.ExampleWeights, data.FeatureNames));
            if (result.Checked && result.Separated)
            {
                throw new InvalidOperationException($"At λ = 0 class '{data.ClassNames[k]}' is separated from the other classes, so the " +
                    $"multinomial likelihood has no maximum there: {result.Describe()} Use λ > 0.");
            }
        }
    }
}
