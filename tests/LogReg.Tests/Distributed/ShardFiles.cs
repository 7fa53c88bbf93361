using System.Globalization;
using LogReg.Distributed;

namespace LogReg.Tests.Distributed;

/// <summary>
/// Shard CSV files in a temporary folder: rows from one logistic model, split over files, named relative to the test
/// clusters' data root (<see cref="Root"/>).
/// </summary>
internal sealed class ShardFiles : IDisposable
{
    public ShardFiles(int shards, int rowsPerShard, int features = 6, int seed = 17)
    {
        Folder = Path.Combine(Root.Directory, "logreg-shards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var rng = new Random(seed);
        var w = Enumerable.Range(0, features).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var header = string.Join(",", Enumerable.Range(0, features).Select(j => $"x{j}").Prepend("y"));
        for (int k = 0; k < shards; k++)
        {
            var lines = new List<string> { header };
            for (int i = 0; i < rowsPerShard; i++)
            {
                var x = Enumerable.Range(0, features).Select(j => Math.Round(rng.NextDouble() * 4 - 2, 3)).ToArray();
                double z = 0.3 + x.Zip(w, (a, b) => a * b).Sum();
                int y = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
                lines.Add(string.Join(",", x.Select(v => v.ToString(CultureInfo.InvariantCulture)).Prepend(y.ToString(CultureInfo.InvariantCulture))));
            }
            string file = Path.Combine(Folder, $"part-{k}.csv");
            File.WriteAllLines(file, lines);
            Specs.Add(new ShardSpec(new[] { Path.GetRelativePath(Root.Directory, file) }, "y"));
        }
    }

    /// <summary>The data root of the test clusters' silos: a folder of its own in the temporary folder (so a sibling is outside it).</summary>
    public static ShardRoot Root { get; } = new(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "logreg-shard-root")).FullName);

    public string Folder { get; }

    public List<ShardSpec> Specs { get; } = new();

    /// <summary>Every file as one shard: the single-machine data set.</summary>
    public ShardSpec All => new(Specs.SelectMany(s => s.Files).ToArray(), "y");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
