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
            if (directory is not null && File.Exists(directory))
            {
                throw new CliException($"{command}: {option} '{path}': '{directory}' is a file, not a directory.", 2);
            }
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new CliException($"{command}: {option} '{path}': the directory '{directory}' does not exist.", 2);
            }
        }
    }

    /// <summary>Refuses a directory option (made if missing) that names an existing file or lies below one.</summary>
    public static void RefuseFileAsDirectory(string command, string option, string? path)
    {
        if (path is null)
        {
            return;
        }
        if (File.Exists(path))
        {
            throw new CliException($"{command}: {option} '{path}' is a file; it takes a directory (made if missing).", 2);
        }
        // The nearest part of the path that exists must be a directory, or the directory cannot be made there — found
        // otherwise only after the fit, as .NET's "Could not find a part of the path".
        for (string? above = Path.GetDirectoryName(Path.GetFullPath(path)); above is not null; above = Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
            {
                throw new CliException($"{command}: {option} '{path}': '{above}' is a file, so the directory cannot be made there.", 2);
            }
            if (Directory.Exists(above))
            {
                return;
            }
        }
    }
}
