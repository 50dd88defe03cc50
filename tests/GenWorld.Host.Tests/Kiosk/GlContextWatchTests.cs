using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Host.Clocks;
using GenWorld.Host.Kiosk;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Resources;
using GenWorld.World;
using GenWorld.World.Cameras;
using Xunit.Abstractions;

namespace GenWorld.Host.Tests.Kiosk;

/// <summary>
/// GL context loss on the real headless stack (EGL surfaceless, llvmpipe, OpenAL loopback). llvmpipe never resets, so
/// the loss is the GL layer's rehearsal (<see cref="Rendering.Diagnostics.GlContextLoss.Simulate"/>), reported through
/// the same check a driver reset goes through; what follows (fresh context, renderer rebuilt, sound untouched) is real.
/// </summary>
[Collection(HeadlessGlCollection.Name)]
public sealed class GlContextWatchTests(ITestOutputHelper output)
{
    private const int SampleRate = 48000, Fps = 20;

    private static Pose Eye(double t) => Pose.LookAt(new Vector3((float)t, 3, 25), Vector3.Zero);

    // The render's orbit: fitted to the field, within earshot of its anchors, so voices play.
    private static Func<double, double, Pose> Orbit(LatentWorld world)
    {
        OrbitCamera orbit = FieldOrbit.Fit(world.Projection.Positions, new LatentWorldOptions().EarshotRadius);
        return (t, _) => orbit.At(t);
    }

    [Fact]
    public void A_lost_context_is_rebuilt_with_the_same_objects_while_the_world_and_its_sound_go_on()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        using var audio = OpenAlAudioOutput.CreateLoopback(SampleRate);
        var log = new List<string>();
        var clock = new FixedStepClock(Fps);
        using var watch = new GlContextWatch(new EglSurfacelessContext(320, 180), () => new EglSurfacelessContext(320, 180), log.Add);
        var host = new WorldHost(world, clock, watch.Current, audio, new WorldHostOptions { WaitForContent = true, ContentWait = TimeSpan.FromSeconds(30) });
        using (host)
        {
            Assert.True(host.Device!.ContextLoss.NotificationOn, "the EGL context was made without reset notification");
            double energyBefore = Frames(host, audio, Orbit(world), 20);
            int[] before = Counts(host.Device.LiveObjects);
            int playing = host.Playing;
            GlDevice lostDevice = host.Device;
            IGLContext lostContext = watch.Current;

            watch.Check(host);
            Assert.Same(lostDevice, host.Device);   // nothing reported yet: nothing rebuilt
            lostDevice.ContextLoss.Simulate();
            watch.Check(host);

            Assert.NotSame(lostDevice, host.Device);
            Assert.NotSame(lostContext, watch.Current);
            Assert.Equal(1, watch.Rebuilds);
            Assert.Equal(0, lostDevice.LiveObjects.Total);   // the old renderer was freed before its context went
            Assert.Equal(playing, host.Playing);             // the voices were not touched
            string line = Assert.Single(log);
            Assert.Contains("the context was lost (simulated reset (rehearsal)); renderer rebuilt", line, StringComparison.Ordinal);

            double energyAfter = Frames(host, audio, Orbit(world), 20);
            output.WriteLine($"{line}\nGL objects before {string.Join(",", before)} after {host.Device!.LiveObjects}; mix energy {energyBefore:F2} -> {energyAfter:F2}");
            Assert.Equal(40, host.Frames);
            Assert.Equal(before, Counts(host.Device.LiveObjects));
            Assert.Null(host.Device.ContextLoss.Check());
            Assert.True(energyBefore > 0 && energyAfter > 0, $"mix energy {energyBefore} before, {energyAfter} after");
            Assert.True(Drawn(host), "the frame after the rebuild is empty");
        }
        Assert.Equal(0, host.GlObjectsLeft);
    }

    [Fact]
    public void The_rehearsal_reports_a_loss_every_interval_of_the_hosts_clock()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        using var audio = new NullAudioOutput("unit test");
        var log = new List<string>();
        using var watch = new GlContextWatch(new EglSurfacelessContext(64, 64), () => new EglSurfacelessContext(64, 64), log.Add, simulateLossEvery: 0.5);
        var host = new WorldHost(world, new FixedStepClock(Fps), watch.Current, audio);
        using (host)
        {
            // Frames at 0, 0.05, ..., 2.05 s: losses seen at 0.5, 1.0, 1.5 and 2.0 s.
            for (int f = 0; f < 42; f++)
            {
                watch.Check(host);
                host.Step((t, _) => Eye(t));
            }
        }
        Assert.Equal(4, watch.Rebuilds);
        Assert.Equal(4, log.Count(l => l.StartsWith("gl: the context was lost", StringComparison.Ordinal)));
        Assert.Equal(0, host.GlObjectsLeft);
    }

    // Runs frames with exactly their audio mixed; the mix's energy (sound kept playing).
    private static double Frames(WorldHost host, OpenAlAudioOutput audio, Func<double, double, Pose> camera, int frames)
    {
        double energy = 0;
        for (int f = 0; f < frames; f++)
        {
            host.Step(camera);
            foreach (float s in audio.Loopback!.Render(SampleRate / Fps)) energy += s * s;
        }
        return energy;
    }

    private static int[] Counts(GlObjectCounts counts) => [.. Enum.GetValues<GlObjectKind>().Select(k => counts[k])];

    // The field frame has lit points on a dark background: some pixels are bright.
    private static bool Drawn(WorldHost host)
    {
        host.Target!.Bind();
        byte[] pixels = host.Target.ReadPixels();
        int bright = 0;
        for (int i = 0; i < pixels.Length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] > 200) bright++;
        return bright > 20;
    }
}
