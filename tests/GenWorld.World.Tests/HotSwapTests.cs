using System.Numerics;
using GenWorld.Inference.Tests.Generation;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.World.Tests;

/// <summary>A running world swaps its sound model for a newly published version, frame by frame, with nothing going silent.</summary>
[Collection(NativeCollection.Name)]
public sealed class HotSwapTests(ShippedField field) : IDisposable
{
    private const double Step = 1 / 30.0;
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-world-swap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_published_version_swaps_in_while_every_ready_emitter_keeps_sounding_until_its_new_sound_lands()
    {
        using LatentWorld world = LatentWorld.Create(field.Model, field.Anchors, null);
        Vector3 start = world.Anchors[4000].Position;
        var pose = Pose.LookAt(start, start + Vector3.UnitX);
        world.Update(0, pose);
        await world.WhenContentReady();
        double t = Step;
        world.Update(t, pose);
        Dictionary<int, float[]> before = world.Emitters.ToDictionary(e => e.Id, e => e.Samples!);
        string v1 = world.SoundModelVersion;

        // What `genworld serve` publishes: models/<name>/<N>/ with a newer version; the world follows the root.
        string root = Directory.CreateDirectory(Path.Combine(_dir, "notes-vae")).FullName;
        using (world.FollowPublishedVersions(root))
        {
            Publish(ModelCopies.Retrained(RepoPaths.Model("notes-vae"), Path.Combine(_dir, "staged-2"), "decoder", version: 2, noise: 0.02f), root, 2);
            for (int i = 0; i < 400 && world.SoundModelSwaps == 0; i++) await Task.Delay(25);
        }
        Assert.Equal(1, world.SoundModelSwaps);
        Assert.NotEqual(v1, world.SoundModelVersion);

        int changed = 0;
        for (int frame = 0; frame < 200 && changed < before.Count; frame++)
        {
            world.Update(t += Step, pose);
            // No dropout: an emitter that had a sound keeps one through the swap.
            Assert.All(world.Emitters.Where(e => before.ContainsKey(e.Id)), e => Assert.Equal(EmitterState.Ready, e.State));
            changed = world.Emitters.Count(e => before.TryGetValue(e.Id, out float[]? old) && !ReferenceEquals(old, e.Samples));
            await Task.Delay(10);
        }
        Assert.Equal(before.Count, changed);
        Emitter nearest = world.Emitters[0];
        double difference = nearest.Samples!.Zip(before[nearest.Id]).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(difference > 1e-3, $"the new version's sound differs from the old (max {difference})");
    }
    [Fact]
    public async Task A_corrupt_published_version_leaves_the_last_good_model_playing_and_swaps_in_once_repaired_on_disk()
    {
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using LatentWorld world = LatentWorld.Create(field.Model, field.Anchors, null, new LatentWorldOptions { Log = log.Enqueue });
        Vector3 start = world.Anchors[4000].Position;
        var pose = Pose.LookAt(start, start + Vector3.UnitX);
        world.Update(0, pose);
        await world.WhenContentReady();
        string v1 = world.SoundModelVersion;

        string root = Directory.CreateDirectory(Path.Combine(_dir, "notes-vae")).FullName;
        using (world.FollowPublishedVersions(root, firstRetry: TimeSpan.FromMilliseconds(200)))
        {
            // Version 2 lands with its decoder overwritten by garbage: a disk or copy fault, not a wrong manifest.
            string staged = ModelCopies.Retrained(RepoPaths.Model("notes-vae"), Path.Combine(_dir, "staged-2"), "decoder", version: 2, noise: 0.02f);
            byte[] good = File.ReadAllBytes(Path.Combine(staged, "decoder.onnx"));
            File.WriteAllBytes(Path.Combine(staged, "decoder.onnx"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 + 7))]);
            string decoder = Path.Combine(Publish(staged, root, 2), "decoder.onnx");
            for (int i = 0; i < 400 && log.Count(l => l.Contains("was not swapped in", StringComparison.Ordinal)) < 2; i++) await Task.Delay(25);

            // Tried more than once, and the world plays on the last good model all the while.
            Assert.True(log.Count(l => l.Contains("version 2", StringComparison.Ordinal) && l.Contains("was not swapped in", StringComparison.Ordinal)) >= 2, string.Join('\n', log));
            Assert.Equal(0, world.SoundModelSwaps);
            Assert.Equal(v1, world.SoundModelVersion);
            for (int frame = 1; frame <= 10; frame++) world.Update(frame * Step, pose);
            Assert.Contains(world.Emitters, e => e.State == EmitterState.Ready);

            // The folder is repaired in place (atomically): a later retry loads it.
            File.WriteAllBytes(decoder + ".tmp", good);
            File.Move(decoder + ".tmp", decoder, overwrite: true);
            for (int i = 0; i < 800 && world.SoundModelSwaps == 0; i++) await Task.Delay(25);
        }
        Assert.Equal(1, world.SoundModelSwaps);
        Assert.NotEqual(v1, world.SoundModelVersion);
        Assert.Contains(log, l => l.Contains("swapped in notes-vae version 2", StringComparison.Ordinal));
    }

    /// <summary>
    /// Moves a finished version folder into <paramref name="root"/> in one step and points `latest` at it, as `genworld
    /// serve` publishes: a world following the root must never see a version half written (it would load it early).
    /// </summary>
    private static string Publish(string staged, string root, int version)
    {
        string target = Path.Combine(root, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.Move(staged, target);
        File.WriteAllText(Path.Combine(root, "latest"), version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return target;
    }
}
