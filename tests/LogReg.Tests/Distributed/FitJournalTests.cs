using LogReg.Core.Training;
using LogReg.Distributed;
using Xunit;

namespace LogReg.Tests.Distributed;

/// <summary>
/// A coordinator's checkpoint: a journal cut where a kill would cut it (after any record, and through a record) resumes
/// to the model of the uninterrupted fit, bit for bit, asking the cluster only for what the journal lacks; a resume
/// with other options goes on from where the paths part; a resume over other data is refused.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FitJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logreg-journal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(OptimizerKind.Lbfgs)]
    [InlineData(OptimizerKind.Newton)]
    public async Task ACutJournalResumesToTheSameModelBitForBit(OptimizerKind optimizer)
    {
        using var files = new ShardFiles(shards: 3, rowsPerShard: 700);
        await using var cluster = DistributedTrainingTests.Cluster(1);
        await cluster.DeployAsync();
        var options = TrainerOptions.Default with { L2Regularization = 1, Optimizer = optimizer, OptimizationTolerance = 1e-10 };
        string path = Path.Combine(_folder, $"{optimizer}.journal");
        DistributedTrainingResult whole;
        using (var journal = FitJournal.Create(path))
        {
            whole = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, options, retry: DistributedTrainingTests.Patient, journal: journal);
        }
        IReadOnlyList<long> ends;
        using (var complete = FitJournal.Resume(path))
        {
            ends = complete.RecordEnds;
        }
        Assert.True(ends.Count >= 4, $"{ends.Count} evaluations");
        var bytes = File.ReadAllBytes(path);
        foreach (int kept in new[] { 0, 1, ends.Count / 2, ends.Count - 1, ends.Count })
        {
            // Cut after 'kept' records, with the first bytes of the next one (a record torn by the kill).
            long cut = kept == 0 ? ends[0] - 20 : ends[kept - 1];
            string copy = Path.Combine(_folder, $"{optimizer}-{kept}.journal");
            File.WriteAllBytes(copy, bytes.AsSpan(0, (int)Math.Min(bytes.Length, cut + (kept < ends.Count ? 7 : 0))).ToArray());
            using var resumed = FitJournal.Resume(copy);
            Assert.Equal(kept, resumed.Held);
            var fit = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, options, retry: DistributedTrainingTests.Patient, journal: resumed);
            Assert.Equal(kept, resumed.Replayed);
            Assert.Equal(whole.Model.Weights, fit.Model.Weights);
            Assert.Equal(whole.Model.Bias, fit.Model.Bias);
            Assert.Equal(whole.Report.Optimization.Iterations, fit.Report.Optimization.Iterations);
        }
    }

    [Fact]
    public async Task AResumeWithOtherOptionsGoesOnWhereThePathsPartAndOtherDataAreRefused()
    {
        using var files = new ShardFiles(shards: 2, rowsPerShard: 600);
        await using var cluster = DistributedTrainingTests.Cluster(1);
        await cluster.DeployAsync();
        var loose = TrainerOptions.Default with { L2Regularization = 1, Optimizer = OptimizerKind.Lbfgs, OptimizationTolerance = 1e-4 };
        var tight = loose with { OptimizationTolerance = 1e-10 };
        string path = Path.Combine(_folder, "loose.journal");
        using (var journal = FitJournal.Create(path))
        {
            await DistributedTrainer.FitAsync(cluster.Client, files.Specs, loose, retry: DistributedTrainingTests.Patient, journal: journal);
        }
        var direct = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, tight, retry: DistributedTrainingTests.Patient);
        using (var resumed = FitJournal.Resume(path))
        {
            // The tighter fit asks what the loose one asked up to where the loose one stopped (its last rounds may differ:
            // the loose fit's final checks), then more: it replays the common part and goes on.
            var fit = await DistributedTrainer.FitAsync(cluster.Client, files.Specs, tight, retry: DistributedTrainingTests.Patient, journal: resumed);
            Assert.InRange(resumed.Replayed, resumed.Held - 2, resumed.Held);
            Assert.True(resumed.Replayed >= 3);
            Assert.Equal(direct.Model.Weights, fit.Model.Weights);
        }
        // Another shard order is other data for the journal.
        var swapped = files.Specs.AsEnumerable().Reverse().ToList();
        using (var resumed = FitJournal.Resume(path))
        {
            var e = await Assert.ThrowsAsync<FitJournalException>(() => DistributedTrainer.FitAsync(cluster.Client, swapped, tight, retry: DistributedTrainingTests.Patient, journal: resumed));
            Assert.Contains("A fit resumes on the data it started on", e.Message);
        }
        // The same files fitted as the other family: refused as such, not as other data.
        using (var resumed = FitJournal.Resume(path))
        {
            var located = files.Specs.Select(s => new LocatedShard(s, [])).ToList();
            var e = await Assert.ThrowsAsync<FitJournalException>(() => DistributedTrainer.FitSoftmaxAsync(cluster.Client, located, tight, retry: DistributedTrainingTests.Patient, journal: resumed));
            Assert.Contains("records a binary fit; this one is a softmax fit", e.Message);
        }
        Assert.Contains("exists; resume it", Assert.Throws<FitJournalException>(() => FitJournal.Create(path)).Message);
        string notJournal = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notJournal, "y,x\n1,2\n");
        Assert.Contains("is not a logreg fit checkpoint", Assert.Throws<FitJournalException>(() => FitJournal.Resume(notJournal)).Message);
        Assert.Contains("does not exist", Assert.Throws<FitJournalException>(() => FitJournal.Resume(notJournal + ".missing")).Message);
        // A damaged header (a flipped byte in a shard's row count) is named as damage, not as other data.
        var bytes = File.ReadAllBytes(path);
        bytes[40] ^= 0x10;
        string damaged = Path.Combine(_folder, "damaged.journal");
        File.WriteAllBytes(damaged, bytes);
        Assert.Contains("is damaged (its header's checksum does not match)", Assert.Throws<FitJournalException>(() => FitJournal.Resume(damaged)).Message);
    }
}
