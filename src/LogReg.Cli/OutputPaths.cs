namespace LogReg.Cli;

/// <summary>
/// Output paths checked before any work: an outside tester's `cv --json /nonexistent/dir/x.json` fitted for minutes and
/// then failed with .NET's "Could not find a part of the path" naming the temporary file, and `--plot` on an existing file
/// failed after the model had been written.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Refuses an output file whose directory does not exist, or that names a directory.</summary>
    public static void RefuseUnwritable(string command, params (string Option, string? Path)[] files)
    {
        foreach (var (option, path) in files)
        {
            if (string.IsNullOrEmpty(path) || path.StartsWith("/dev/", StringComparison.Ordinal))
            {
                continue;
            }
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new CliException($"{command}: {option} '{path}' is a directory; it takes a file name.", 2);
            }
            string? directory = Path.GetDirectoryName(full);
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new CliException($"{command}: {option} '{path}': the directory '{directory}' does not exist.", 2);
            }
        }
    }

    /// <summary>Refuses a directory option (made if missing) that names an existing file.</summary>
    public static void RefuseFileAsDirectory(string command, string option, string? path)
    {
        if (path is not null && File.Exists(path))
        {
            throw new CliException($"{command}: {option} '{path}' is a file; it takes a directory (made if missing).", 2);
        }
    }
}
