using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>The capability table: which option values each model family honours on each row source.</summary>
public class FitCapabilitiesTests
{
    [Fact]
    public void TheTableRefusesExactlyWhatEachFamilyAndSourceCannotHonour()
    {
        var refused = FitCapabilities.Table().Where(r => r.Refusal is not null)
            .Select(r => $"{r.Option}={r.Value} {r.Family}/{r.Source}").ToHashSet();
        var expected = new HashSet<string>
        {
            "Loss=MeanSquaredError Softmax/InMemory", "Loss=MeanSquaredError Softmax/Streamed",
            "Optimizer=MiniBatchSgd Sigmoid/Streamed", "Optimizer=MiniBatchSgd Sigmoid/Sharded", "Optimizer=MiniBatchSgd Softmax/InMemory", "Optimizer=MiniBatchSgd Softmax/Streamed",
            "ClassWeighting=Explicit Softmax/InMemory", "ClassWeighting=Explicit Softmax/Streamed",
            "FirthBiasReduction=true Sigmoid/Streamed", "FirthBiasReduction=true Sigmoid/Sharded", "FirthBiasReduction=true Softmax/InMemory", "FirthBiasReduction=true Softmax/Streamed",
        };
        // The softmax model over shards refuses what it refuses elsewhere.
        foreach (var option in new[] { "Loss=MeanSquaredError", "Optimizer=MiniBatchSgd", "ClassWeighting=Explicit", "FirthBiasReduction=true" })
        {
            expected.Add($"{option} Softmax/Sharded");
        }
        Assert.Equal(expected.Order(), refused.Order());
    }

    [Fact]
    public void ARefusalNamesTheOptionItsValueTheReasonAndWhatToUse()
    {
        var refusal = FitCapabilities.Check(ModelFamily.Sigmoid, RowSource.Streamed, TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd })!;
        Assert.Equal("Optimizer", refusal.Option);
        Assert.Equal("MiniBatchSgd", refusal.Value);
        Assert.Equal("Optimizer = MiniBatchSgd: random mini-batches need the rows in memory; expected Auto, Lbfgs, Newton, GradientDescent.", refusal.Message);
        Assert.Null(FitCapabilities.Check(ModelFamily.Sigmoid, RowSource.InMemory, TrainerOptions.Default with { Optimizer = OptimizerKind.MiniBatchSgd }));
        Assert.Throws<ArgumentException>(() => FitCapabilities.Require(ModelFamily.Softmax, RowSource.InMemory, TrainerOptions.Default with { Loss = LogReg.Core.Losses.LossKind.MeanSquaredError }));
    }

    /// <summary>The table as the README prints it (each family on each source).</summary>
    public static string Markdown()
    {
        var columns = new[] { (ModelFamily.Sigmoid, RowSource.InMemory), (ModelFamily.Sigmoid, RowSource.Streamed), (ModelFamily.Sigmoid, RowSource.Sharded), (ModelFamily.Softmax, RowSource.InMemory),
            (ModelFamily.Softmax, RowSource.Streamed), (ModelFamily.Softmax, RowSource.Sharded) };
        var rows = FitCapabilities.Table().Where(r => r.Option != "(defaults)").ToList();
        var lines = new List<string>
        {
            "| option | " + string.Join(" | ", columns.Select(c => $"{c.Item1.ToString().ToLowerInvariant()}, {c.Item2}")) + " |",
            "|---|" + string.Concat(columns.Select(_ => "---|")),
        };
        foreach (var group in rows.GroupBy(r => (r.Option, r.Value)))
        {
            var cells = columns.Select(c => group.Single(r => r.Family == c.Item1 && r.Source == c.Item2).Refusal is { } why ? "no: " + why : "yes");
            lines.Add($"| `{group.Key.Option} = {group.Key.Value}` | " + string.Join(" | ", cells) + " |");
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void TheReadmePrintsTheTableAsTheCodeHasIt()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n");
        Assert.True(readme.Contains(Markdown()), "README.md should hold the capability table as the code has it:\n" + Markdown());
    }
}
