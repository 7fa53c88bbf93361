namespace LogReg.SeedStory;

/// <summary>Runs the stories by name.</summary>
public static class Stories
{
    public static readonly string[] Names = { "five-steps", "losses", "convexity", "likelihood", "linear-vs-logistic" };

    /// <summary>Runs one story (or "all"), printing to <paramref name="output"/>; returns the PNG files written.</summary>
    public static IReadOnlyList<string> Run(string story, string outDir, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var selected = story == "all" ? Names : new[] { story };
        foreach (var name in selected)
        {
            output.WriteLine($"=== {name} ===");
            files.AddRange(name switch
            {
                "five-steps" => FiveSteps.Run(outDir, output).Images,
                "losses" => LossShapes.Run(outDir, output).Images,
                "convexity" => Convexity.Run(outDir, output).Images,
                "likelihood" => Likelihood.Run(outDir, output).Images,
                "linear-vs-logistic" => LinearVersusLogistic.Run(outDir, output).Images,
                _ => throw new ArgumentException($"unknown story '{name}'; expected one of {string.Join(", ", Names)} or all."),
            });
            output.WriteLine();
        }
        return files;
    }
}
