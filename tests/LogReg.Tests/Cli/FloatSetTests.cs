using LogReg.Cli;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>The schema's distinct-value counter counts as <c>HashSet&lt;float&gt;</c> does, 0 and −0 as one value.</summary>
public sealed class FloatSetTests
{
    [Fact]
    public void ItCountsAsAHashSetDoesThroughGrowthAndClearing()
    {
        var rng = new Random(5);
        var set = new FloatSet();
        foreach (int size in new[] { 3, 300, 40_000 })
        {
            set.Clear();
            var reference = new HashSet<float>();
            for (int i = 0; i < size; i++)
            {
                // Repeats, consecutive integers, signed zeros, tiny and huge values.
                float v = (i % 5) switch
                {
                    0 => i / 7,
                    1 => (float)(rng.NextDouble() - 0.5) * 1e-30f,
                    2 => rng.Next(2) == 0 ? 0f : -0f,
                    3 => (float)rng.NextDouble() * 3e38f,
                    _ => (float)Math.Round(rng.NextDouble() * 50, 1),
                };
                Assert.Equal(reference.Add(v), set.Add(v));
            }
            Assert.Equal(reference.Count, set.Count);
        }
    }
}
