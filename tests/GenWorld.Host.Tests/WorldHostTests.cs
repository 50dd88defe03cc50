using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Host.Clocks;
using GenWorld.Host.Surfaces;
using GenWorld.World;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Tests;

/// <summary>The whole world run frame by frame with no GL and no sound device: the null surface and the null output.</summary>
public sealed class WorldHostTests
{
    [Fact]
    public void A_fixed_step_host_advances_the_world_by_the_test_and_its_emitters_get_sounds()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        using var audio = new NullAudioOutput("unit test");
        var options = new WorldHostOptions { WaitForContent = true, ContentWait = TimeSpan.FromSeconds(30) };
        var host = new WorldHost(world, new FixedStepClock(20), new NullSurface(), audio, options);
        var seen = new List<HostFrame>();
        using (host)
        {
            Assert.Null(host.Device);
            Assert.Null(host.Scene);
            for (int f = 0; f < 20; f++)
                seen.Add(host.Step((t, _) => Pose.LookAt(new Vector3((float)t * 4, 2, 20), Vector3.Zero)));
            Assert.Equal(20, host.Frames);
            Assert.NotEmpty(world.Emitters);
            Assert.Contains(world.Emitters, e => e.Samples is not null);
        }
        Assert.Equal(0.95, world.Time, 9);
        Assert.All(seen.Skip(1), frame => Assert.Equal(0.05, frame.Delta, 9));
        Assert.Equal(0, seen[0].Delta);
        Assert.Equal(0, host.GlObjectsLeft);
        Assert.Throws<ObjectDisposedException>(() => host.Step((_, _) => default));
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_field()
    {
        var e = Assert.Throws<ArgumentException>(() => new WorldHostOptions { MasterGain = -1 }.Validate());
        Assert.Contains("MasterGain", e.Message, StringComparison.Ordinal);
    }
}
