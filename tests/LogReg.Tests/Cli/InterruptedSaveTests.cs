using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LogReg.Tests.MLNet;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>
/// A 'logreg train' process sent SIGTERM while it writes its model leaves no temporary file beside it (the model is
/// written to a hidden temporary and moved into place; the runtime's default ending had skipped the cleanup). The
/// process is this test's own, signalled by its pid.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterruptedSaveTests
{
    [Fact]
    public async Task ATerminatedSaveLeavesNoTemporaryFile()
    {
        string dir = Directory.CreateTempSubdirectory("logreg-interrupt-").FullName;
        try
        {
            // 30 rows × 10,000 columns: the model's input schema makes the save last a few hundred milliseconds.
            string data = Path.Combine(dir, "wide.csv");
            var random = new Random(9);
            File.WriteAllLines(data, new[] { string.Join(",", Enumerable.Range(0, 10_000).Select(j => $"x{j}")) + ",y" }
                .Concat(Enumerable.Range(0, 30).Select(i =>
                    string.Join(",", Enumerable.Range(0, 10_000).Select(_ => (random.NextDouble() - 0.5).ToString("F2", CultureInfo.InvariantCulture))) + $",{i % 2}")));
            string cli = OutOfProcessTests.SiblingOutput("LogReg.Cli", "logreg.dll", projectFolder: Path.Combine("..", "src", "LogReg.Cli"));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { cli, "train", "--data", data, "--label", "y", "--l2", "1", "--model", Path.Combine(dir, "m.zip") })
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var watch = Stopwatch.StartNew();
            bool signalled = false;
            while (!process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (Directory.EnumerateFiles(dir, ".m.zip.*.tmp").Any())
                {
                    Assert.Equal(0, kill(process.Id, Sigterm));
                    signalled = true;
                    break;
                }
                await Task.Delay(2);
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(patience.Token);
            string stderr = await errors;
            await output;
            Assert.True(signalled, $"the save's temporary file was never seen (exit {process.ExitCode}: {stderr})");
            Assert.Empty(Directory.EnumerateFiles(dir, ".m.zip.*"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
