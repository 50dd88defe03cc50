using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;

namespace GenWorld.Audio.Tests.Voices;

/// <summary>
/// A looping voice that stops under the pool (its source stopped behind the pool's back, as a stalled or reset device
/// leaves it) is an underrun: counted, and started again so the emitter does not stay silent. A healthy run counts none.
/// </summary>
[Collection(OpenAlCollection.Name)]
public sealed class StarvedVoiceTests
{
    private static int At(double seconds) => (int)(seconds * Signals.Rate);

    [Fact]
    public void A_loop_stopped_under_the_pool_is_counted_once_and_sounds_again()
    {
        using var rig = new PoolRig(new VoicePoolOptions { Hrtf = false, Reverb = false });
        VoiceSound tone = PoolRig.Sine(440, 0.25);
        VoiceRequest[] Wanted(double _) => [PoolRig.Loop(1, tone, new Vector3(0, 0, -2))];

        float[] healthy = rig.Run(1.0, Wanted);
        Assert.Equal(0, rig.Pool.Starved);
        Assert.True(Signals.Total(healthy, At(0.5), At(1.0)) > 1, "the loop should sound before it is stopped");

        AlSource source = Assert.Single(rig.Context.Sources, s => s.State == AlSourceState.Playing);
        source.Stop();
        float[] dry = rig.Device.Render(At(0.1));   // what a card plays until the next update: nothing
        Assert.True(Signals.Total(dry, At(0.01)) < 1e-9, "a stopped loop should leave the mix silent");

        float[] after = rig.Run(1.0, Wanted, startTime: 1.1);
        Assert.Equal(1, rig.Pool.Starved);
        Assert.Equal(AlSourceState.Playing, source.State);
        Assert.True(Signals.Total(after, At(0.5), At(1.0)) > 1, "the pool should have started the loop again");
    }

    [Fact]
    public void The_null_pool_never_counts_its_silent_loops_as_stopped()
    {
        using var pool = new NullVoicePool();
        var sound = new VoiceSound(new float[4800], 48000);
        for (int frame = 0; frame < 120; frame++)
            pool.Update(frame / 60.0, ListenerPose.Default, Vector3.Zero, [PoolRig.Loop(1, sound, new Vector3(0, 0, -2))]);
        Assert.Single(pool.Voices);
        Assert.Equal(0, pool.Starved);
    }
}
