using System.Numerics;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.World.Tests;

/// <summary>The world driven frame by frame by a fixed-step clock (the test is the host), on the shipped model and anchors.</summary>
[Collection(NativeCollection.Name)]
public sealed class LatentWorldTests(ShippedField field)
{
    private const double Step = 1 / 30.0;

    private LatentWorld NewWorld(LatentWorldOptions? options = null) => LatentWorld.Create(field.Model, field.Anchors, null, options);

    [Fact]
    public async Task Update_returns_before_content_and_later_frames_pick_it_up()
    {
        using LatentWorld world = NewWorld();
        Vector3 start = world.Anchors[4000].Position;
        var pose = Pose.LookAt(start, start + Vector3.UnitX);
        world.Update(0, pose);
        Assert.Equal(16, world.Emitters.Count);
        Assert.Contains(world.Emitters, e => e.State == EmitterState.Pending); // Update did not wait for inference
        Assert.All(world.Emitters, e => Assert.False(e.IsAudible));

        await world.WhenContentReady();
        double t = Step;
        world.Update(t, pose);
        Assert.All(world.Emitters, e => Assert.Equal(EmitterState.Ready, e.State));
        Emitter nearest = world.Emitters[0];
        Assert.Equal(98304, nearest.Samples!.Length); // the full-band model's 2.048 s clip at 48 kHz
        Assert.InRange(nearest.Samples.Max(Math.Abs), 0.02f, 0.892f); // loudness-normalised, never above the -1 dBFS ceiling
        Assert.Equal(world.Anchors[nearest.Id].Pitch, nearest.Pitch);

        float previous = 0;
        for (int frame = 0; frame < 8; frame++)
        {
            world.Update(t += Step, pose);
            Assert.InRange(world.Emitters.Count(e => e.IsAudible), 1, 8);
            Assert.True(nearest.Gain >= previous, "a voice's gain fades in monotonically while the listener stands still");
            previous = nearest.Gain;
        }
        Assert.Equal(1f, nearest.Gain); // faded in within 0.15 s and well inside earshot
    }

    [Fact]
    public async Task Emitter_ids_are_the_anchors_and_stay_the_same_when_the_listener_returns()
    {
        using LatentWorld world = NewWorld();
        Vector3 here = world.Anchors[100].Position, far = here + new Vector3(60, 0, 0);
        world.Update(0, Pose.LookAt(here, far));
        int[] first = [.. world.Emitters.Select(e => e.Id).Order()];
        Assert.All(world.Emitters, e => Assert.Equal(world.Anchors[e.Id].Position, e.Position));
        world.Update(1, Pose.LookAt(far, here));
        Assert.Equal(first.Length, world.RemovedEmitters.Intersect(first).Count());
        world.Update(2, Pose.LookAt(here, far));
        Assert.Equal(first, world.Emitters.Select(e => e.Id).Order());
        await world.WhenContentReady();
    }

    [Fact]
    public async Task Retrigger_brings_a_new_variation_of_the_nearest_audible_sound()
    {
        using LatentWorld world = NewWorld();
        Vector3 at = world.Anchors[2500].Position;
        var pose = Pose.LookAt(at, at + Vector3.UnitZ);
        world.Update(0, pose);
        await world.WhenContentReady();
        world.Update(Step, pose);
        world.Update(2 * Step, pose);
        Emitter target = world.Emitters.First(e => e.IsAudible);
        float[] before = target.Samples!;
        world.Update(3 * Step, pose, new WorldInput(Vector3.Zero, Vector2.Zero, Retrigger: true));
        await world.WhenContentReady();
        world.Update(4 * Step, pose);
        Assert.Equal(2, target.ContentVersion);
        Assert.True(before.Zip(target.Samples!, (a, b) => Math.Abs(a - b)).Max() > 0.01f, "the variation sounds different");
    }

    [Fact]
    public async Task The_unpitched_sfx_world_opens_from_its_folder_and_plays_without_pitch()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("sfx-vae"), new LatentWorldOptions { Log = _ => { } });
        Assert.Equal(1161, world.Anchors.Count);
        Vector3 at = world.Anchors[0].Position;
        world.Update(0, Pose.LookAt(at, at + Vector3.UnitX));
        await world.WhenContentReady();
        world.Update(Step, Pose.LookAt(at, at + Vector3.UnitX));
        Assert.All(world.Emitters, e => Assert.Null(e.Pitch));
        Assert.All(world.Emitters, e => Assert.Equal(EmitterState.Ready, e.State));
        Assert.True(world.Emitters[0].Samples!.Max(Math.Abs) > 0.02f);
    }

    [Fact]
    public void Anchors_of_another_model_are_refused_with_the_command_to_re_encode()
    {
        var other = new Anchors.AnchorSet(field.Anchors.Header with { Model = "sfx-vae" }, field.Anchors.Anchors, field.Anchors.AllLatents.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => LatentWorld.Create(field.Model, other, null));
        Assert.Contains("genworld field encode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_and_time_going_backwards_are_refused_by_name()
    {
        Assert.Contains("TrackRadius", Assert.Throws<ArgumentException>(() => NewWorld(new LatentWorldOptions { EarshotRadius = 10, TrackRadius = 5 })).Message, StringComparison.Ordinal);
        using LatentWorld world = NewWorld();
        world.Update(1, Pose.LookAt(Vector3.Zero, Vector3.UnitX));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Update(0.5, Pose.LookAt(Vector3.Zero, Vector3.UnitX)));
        Assert.Throws<ArgumentException>(() => world.Update(2, new Pose(new Vector3(float.NaN, 0, 0), Vector3.UnitX, Vector3.UnitY)));
    }

    [Fact]
    public void Most_emitters_are_ready_before_they_become_audible_on_a_real_time_walk()
    {
        using LatentWorld world = NewWorld();
        Vector3 origin = world.Anchors[1200].Position, direction = Vector3.Normalize(new Vector3(-origin.X, 0, -origin.Z));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int frame = 0; frame < 150; frame++)
        {
            double t = frame * Step;
            Vector3 p = origin + (direction * (float)(2.5 * t)); // walking pace, 2.5 units/s
            world.Update(t, Pose.LookAt(p, p + direction));
            // Paced to the wall clock, so inference gets the time a real visitor would give it.
            TimeSpan wait = TimeSpan.FromSeconds(t + Step) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
        WorldStats stats = world.Stats;
        Assert.True(stats.EnteredEarshot >= 10, $"only {stats.EnteredEarshot} emitters entered earshot");
        Console.WriteLine($"walk: ready before audible {stats.ReadyBeforeAudibleShare:P0} of {stats.EnteredEarshot}; latency p50 {stats.LatencyP50Ms:F0} ms p99 {stats.LatencyP99Ms:F0} ms; hints {stats.HintsComputed}; update max {stats.MaxUpdateMs:F1} ms");
        Assert.True(stats.ReadyBeforeAudibleShare >= 0.75, $"ready before audible {stats.ReadyBeforeAudibleShare:P0} of {stats.EnteredEarshot}; latency p50 {stats.LatencyP50Ms:F0} ms p99 {stats.LatencyP99Ms:F0} ms; hints {stats.HintsComputed}");
    }
}
