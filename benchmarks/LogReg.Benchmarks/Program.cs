using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LogReg.Benchmarks;

// dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- [--quick | --full] [BenchmarkDotNet options, e.g. --filter '*Training*']
// quick (default): smaller dense and sparse sets, 1 warm-up and 3 measured iterations — a few minutes on 2 cores.
// full: the sizes of the benchmark issue (dense 200,000 × 100, sparse 100,000 × 20,000), 2 warm-ups, 5 iterations.
if (args.Length >= 3 && args[0] == "--streaming-child")
{
    StreamingCheck.Child(args[1], args[2]);
    return;
}
if (args.Length >= 1 && args[0] == "--streaming-check")
{
    StreamingCheck.Run(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "logreg-streaming"));
    return;
}
if (args.Length >= 2 && args[0] == "--export-text")
{
    Environment.SetEnvironmentVariable("LOGREG_BENCH_MODE", args.Contains("--full") ? "full" : "quick");
    TextExport.Run(args[1]);
    return;
}
if (args.Length >= 1 && args[0] == "--text-cv-check")
{
    Environment.SetEnvironmentVariable("LOGREG_BENCH_MODE", args.Contains("--full") ? "full" : "quick");
    TextCvCheck.Run();
    return;
}
if (args.Length >= 2 && args[0] == "--featurize-text-check")
{
    FeaturizeTextCheck.Run(args[1], args.Length > 2 ? args[2] : "all", args.Length > 3 ? args[3] : null);
    return;
}
if (args.Length >= 2 && args[0] == "--github-labeler-check")
{
    GitHubLabelerCheck.Run(args[1], args.Length > 2 ? args[2] : "all");
    return;
}
if (args.Length >= 2 && args[0] == "--export-peers")
{
    Environment.SetEnvironmentVariable("LOGREG_BENCH_MODE", args.Contains("--quick") ? "quick" : "full");
    PeerExport.Run(args[1], args.Skip(2).Where(a => a is not "--full" and not "--quick").ToArray());
    return;
}
bool full = args.Contains("--full");
// --iterations N: measured iterations of the warm classes (default 5 in full mode, 3 in quick), e.g. 10 for the spread.
int at = Array.IndexOf(args, "--iterations");
if (at >= 0 && at + 1 < args.Length)
{
    Environment.SetEnvironmentVariable("LOGREG_BENCH_ITERATIONS", args[at + 1]);
    args = args.Where((_, i) => i != at && i != at + 1).ToArray();
}
var rest = args.Where(a => a is not "--full" and not "--quick").ToArray();
string mode = full ? "full" : "quick";
Environment.SetEnvironmentVariable("LOGREG_BENCH_MODE", mode);
SpamData.PinVariable(); // PathBenchmarks: a relative LOGREG_BENCH_SPAM means the caller's directory, not the child's.
Quality.Clear();

// No default job here: warm classes carry WarmJobConfig, cold-start classes their own ColdStart job
// (a default job's counts would override theirs). Child processes inherit LOGREG_BENCH_MODE.
var config = DefaultConfig.Instance
    .AddColumn(new QualityColumn("Objective", r => Quality.Format(r.Objective)))
    .AddColumn(new QualityColumn("Gap to best", null))
    .AddColumn(new QualityColumn("Test AUC", r => r.TestAuc.ToString("F4", CultureInfo.InvariantCulture)))
    .AddColumn(new QualityColumn("Test log-loss", r => r.TestLogLoss.ToString("F4", CultureInfo.InvariantCulture)))
    .AddColumn(new QualityColumn("Test accuracy", r => r.TestAccuracy.ToString("F4", CultureInfo.InvariantCulture)))
    .WithOptions(ConfigOptions.JoinSummary);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(TrainingBenchmarks).Assembly).Run(rest, config);
Report.Print(summaries, mode);
