namespace LogReg.Distributed;

/// <summary>
/// The folder a worker reads shards from, and nothing outside it: a shard names its files relative to the root, and a
/// name that is absolute, climbs with "..", or leads outside through a symbolic link is refused before any file is opened
/// — so a client that reaches a worker can have it read only what its operator put under the root.
/// </summary>
public sealed class ShardRoot
{
    /// <summary>The root, canonical (absolute, its own links resolved).</summary>
    /// <exception cref="ArgumentException">The folder does not exist.</exception>
    public ShardRoot(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new ArgumentException($"The data root '{full}' is not a folder that exists.", nameof(directory));
        }
        Directory = Real(full);
    }

    /// <summary>The root's canonical path.</summary>
    public string Directory { get; }

    /// <summary>The canonical path of the shard file <paramref name="name"/>, which must lie below the root.</summary>
    /// <exception cref="ShardDataException">The name is absolute, climbs out with "..", or leads outside through a link.</exception>
    public string Resolve(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || Path.IsPathRooted(name) || name.Split('/', '\\').Contains(".."))
        {
            throw new ShardDataException(
                $"Shard file '{name}' is not a name below the worker's data root: name shard files relative to it, without '..'.");
        }
        var real = Real(Path.GetFullPath(Path.Combine(Directory, name)));
        if (!real.StartsWith(Directory.EndsWith(Path.DirectorySeparatorChar) ? Directory : Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ShardDataException($"Shard file '{name}' leads outside the worker's data root through a link; it is not read.");
        }
        return real;
    }

    /// <summary>The name of <paramref name="path"/> relative to the root, when it lies below it (for a coordinator that expands patterns).</summary>
    public string? RelativeName(string path)
    {
        var relative = Path.GetRelativePath(Directory, Real(Path.GetFullPath(path)));
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>
    /// The files below the root that <paramref name="pattern"/> ("DIR/part-*.csv", relative to the root; wildcards in the
    /// file name only) matches, as names relative to the root, sorted ordinally; a match that leads outside the root
    /// through a link is left out.
    /// </summary>
    /// <exception cref="ShardDataException">The pattern is absolute or climbs out with "..".</exception>
    public IReadOnlyList<HeldFile> Match(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        string folder = Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".";
        // The folder must lead below the root (Resolve refuses otherwise); files are named as listed, a link by its own name.
        string directory = folder == "." ? Directory : Path.Combine(Directory, folder);
        if (folder != "." && !System.IO.Directory.Exists(Resolve(folder)))
        {
            return [];
        }
        var held = new List<HeldFile>();
        foreach (var file in System.IO.Directory.GetFiles(directory, Path.GetFileName(pattern)))
        {
            if (RelativeName(file) is not null)
            {
                held.Add(new HeldFile(Path.GetRelativePath(Directory, file).Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(file).Length));
            }
        }
        return held.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    // The path with every symbolic link along it resolved (what the OS opens), component by component.
    private static string Real(string full)
    {
        string? root = Path.GetPathRoot(full);
        string current = root ?? "";
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = System.IO.Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Real(Path.GetFullPath(target.FullName));
            }
        }
        return current;
    }
}
