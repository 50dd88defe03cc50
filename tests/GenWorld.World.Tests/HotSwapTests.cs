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
            ModelCopies.Retrained(RepoPaths.Model("notes-vae"), Path.Combine(root, "2"), "decoder", version: 2, noise: 0.02f);
            File.WriteAllText(Path.Combine(root, "latest"), "2");
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
}
