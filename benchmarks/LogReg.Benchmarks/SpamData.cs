using System.Globalization;
using LogReg.Core.Data;

namespace LogReg.Benchmarks;

/// <summary>
/// The spam data set of the path benchmarks: R package kernlab's <c>spam</c> (UCI Spambase, 4,601 e-mails × 57
/// numeric features; label 1 for <c>type</c> == "spam"), as written by <c>benchmarks/peers/make_spam.R</c> — a header
/// row, the 57 features, then a 0/1 <c>Label</c> column. Every value is parsed to double and stored as float, as this
/// library stores features (the R and Python peers round to single precision the same way). The file is the
/// <c>LOGREG_BENCH_SPAM</c> environment variable's, else <c>benchmarks/data/spam.csv</c> under the repository root
/// (the folder holding LogReg.MLNet.sln, found from the process's directory upward: BenchmarkDotNet's child process
/// runs in a generated folder under bin).
/// </summary>
public static class SpamData
{
    /// <summary>The environment variable naming the CSV; a relative path is taken from the repository root.</summary>
    public const string Variable = "LOGREG_BENCH_SPAM";

    private const string DefaultRelativePath = "benchmarks/data/spam.csv";

    /// <summary>The CSV this process reads (it may not exist).</summary>
    public static string FilePath
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(Variable);
            string relative = string.IsNullOrWhiteSpace(configured) ? DefaultRelativePath : configured;
            return Path.IsPathRooted(relative) ? relative : Path.GetFullPath(Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), relative));
        }
    }

    /// <summary>
    /// Makes a relative <c>LOGREG_BENCH_SPAM</c> absolute against the working directory of the host (which child processes
    /// do not share) so it means what the user typed; child processes inherit the variable.
    /// </summary>
    public static void PinVariable()
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured) && !Path.IsPathRooted(configured))
        {
            Environment.SetEnvironmentVariable(Variable, Path.GetFullPath(configured));
        }
    }

    /// <summary>Reads the whole set.</summary>
    /// <exception cref="FileNotFoundException">The CSV is missing (the message names the script that makes it).</exception>
    public static TrainingSet Load()
    {
        string path = FilePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(MissingMessage(path), path);
        }
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        int label = Array.IndexOf(header, "Label");
        if (label != header.Length - 1)
        {
            throw new InvalidDataException($"{path}: expected a header row ending in 'Label' (benchmarks/peers/make_spam.R).");
        }
        var rows = new List<double[]>(4601);
        var labels = new List<double>(4601);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{path}, row {rows.Count + 1}: {cells.Length} cells, expected {header.Length}.");
            }
            rows.Add(cells[..^1].Select(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
            labels.Add(double.Parse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        // FromRows rounds each double to float: the same rounding as the peers' single-precision copies.
        return new TrainingSet(DenseMatrix.FromRows(rows, header.Length - 1), labels.ToArray(), featureNames: header[..^1]);
    }

    /// <summary>The one line that says the CSV is missing and which script makes it.</summary>
    public static string MissingMessage(string path) =>
        $"{path} is missing: make it with 'Rscript benchmarks/peers/make_spam.R' (or set {Variable} to the CSV).";

    internal static string? RepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LogReg.MLNet.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        return null;
    }
}
