// The seed tutorial's story as runnable examples, each writing PNG plots to a folder:
//   dotnet run --project examples/SeedStory -- <story> [--out DIR]
// stories: five-steps, losses, convexity, likelihood, linear-vs-logistic, all (default: all; DIR default: seed-story-output)
using LogReg.SeedStory;

string story = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
int outIndex = Array.IndexOf(args, "--out");
string outDir = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "seed-story-output";
try
{
    var written = Stories.Run(story, outDir, Console.Out);
    Console.WriteLine();
    Console.WriteLine($"{written.Count} image(s) written to {Path.GetFullPath(outDir)}:");
    foreach (var file in written)
    {
        Console.WriteLine("  " + Path.GetFileName(file));
    }
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
