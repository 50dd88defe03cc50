using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;
using Xunit.Abstractions;

namespace GenWorld.Audio.Tests.Voices;

[Collection(OpenAlCollection.Name)]
public sealed class VoicePoolTests(ITestOutputHelper output)
{
    private static int At(double seconds) => (int)(seconds * Signals.Rate);

    [Fact]
    public void Voice_on_the_left_is_louder_left_then_right_after_it_moves_with_hrtf_on_by_default()
    {
        using var rig = new PoolRig();
        Assert.True(rig.Pool.HrtfEnabled, "HRTF should be on by default");
        // Broadband noise: at low frequencies a head casts little shadow, so a sine would show a weak HRTF level difference.
        VoiceSound noise = PoolRig.Noise(0.5);
        float[] mix = rig.Run(2.0, t => [PoolRig.Loop(1, noise, new Vector3(t < 1 ? -4 : 4, 0, -1))]);

        (double l1, double r1) = (Signals.Energy(mix, 0, At(0.3), At(0.95)), Signals.Energy(mix, 1, At(0.3), At(0.95)));
        (double l2, double r2) = (Signals.Energy(mix, 0, At(1.3), At(1.95)), Signals.Energy(mix, 1, At(1.3), At(1.95)));
        output.WriteLine($"left half: L {l1:F2} R {r1:F2}; right half: L {l2:F2} R {r2:F2}");
        Assert.True(l1 > 3 * r1, $"voice on the left: L {l1:F2} should dominate R {r1:F2}");
        Assert.True(r2 > 3 * l2, $"voice on the right: R {r2:F2} should dominate L {l2:F2}");
    }

    [Fact]
    public void Doppler_raises_an_approaching_voice_and_lowers_a_receding_one()
    {
        var options = new VoicePoolOptions { Hrtf = false, Reverb = false };
        VoiceSound tone = PoolRig.Sine(500, 1.0);
        double Measure(float speed)
        {
            using var rig = new PoolRig(options);
            // Fixed position, velocity along the line to the listener: only the Doppler term changes.
            float[] mix = rig.Run(1.0, _ => [PoolRig.Loop(1, tone, new Vector3(0, 0, -10), new Vector3(0, 0, speed))]);
            return Signals.ZeroCrossingHz(mix, 0, At(0.3), At(1.0));
        }
        double approaching = Measure(40), receding = Measure(-40), still = Measure(0);
        double c = options.SpeedOfSound;
        output.WriteLine($"still {still:F1} Hz, approaching {approaching:F1} Hz (theory {500 * c / (c - 40):F1}), receding {receding:F1} Hz (theory {500 * c / (c + 40):F1})");
        Assert.InRange(still, 495, 505);
        Assert.InRange(approaching, 500 * c / (c - 40) * 0.98, 500 * c / (c - 40) * 1.02);
        Assert.InRange(receding, 500 * c / (c + 40) * 0.98, 500 * c / (c + 40) * 1.02);
    }

    [Fact]
    public void Reverb_send_leaves_a_tail_after_a_one_shot_and_grows_with_density()
    {
        var random = new Random(3);
        var burst = new float[At(0.05)];
        for (int i = 0; i < burst.Length; i++) burst[i] = ((random.NextSingle() * 2) - 1) * 0.5f;
        var sound = new VoiceSound(burst, Signals.Rate);
        double Tail(bool reverb, float density)
        {
            using var rig = new PoolRig(new VoicePoolOptions { Hrtf = false, Reverb = reverb, FadeSeconds = 0.005f });
            rig.Pool.Density = density;
            var request = new VoiceRequest(1, new Vector3(0, 0, -1), Vector3.Zero, sound, VoicePlayback.OneShot(60, 0, 0));
            float[] mix = rig.Run(1.5, _ => [request]);
            return Signals.Total(mix, At(0.25), At(1.5)) / Signals.Total(mix, 0, At(0.1));
        }
        double dry = Tail(false, 0.5f), small = Tail(true, 0), large = Tail(true, 1);
        output.WriteLine($"tail/head energy: dry {dry:E2}, reverb density 0 {small:E2}, density 1 {large:E2}");
        Assert.True(dry < 1e-6, $"without reverb the tail should be silent: {dry:E2}");
        Assert.True(large > 0.01, $"dense-field reverb tail too weak: {large:E2}");
        Assert.True(large > 5 * small, $"a denser field should ring longer: {large:E2} vs {small:E2}");
    }

    [Fact]
    public void One_shots_retrigger_with_varied_pitch_and_share_one_buffer_freed_when_unused()
    {
        using var rig = new PoolRig(new VoicePoolOptions { Hrtf = false, Reverb = false, MaxVoices = 4 });
        VoiceSound click = PoolRig.Sine(300, 0.2);
        VoiceRequest Shot(long id, float x) => new(id, new Vector3(x, 0, -2), Vector3.Zero, click, VoicePlayback.OneShot(0.5f, 0.05f, 0.2f));
        rig.Run(2.0, _ => [Shot(1, -1), Shot(2, 1)]);
        Assert.Equal(1, rig.Pool.BufferCount);
        Assert.InRange(rig.Pool.Triggers(0), 4, 5);
        Assert.InRange(rig.Pool.Triggers(1), 4, 5);

        rig.Run(0.5, _ => [], startTime: 2.0);
        Assert.Empty(rig.Pool.Voices);
        Assert.Equal(0, rig.Pool.BufferCount);
    }

    [Fact]
    public void Pool_dispose_frees_every_source_buffer_and_effect()
    {
        Assert.Equal(0, AlLiveObjects.Count);
        var rig = new PoolRig(new VoicePoolOptions { MaxVoices = 8 });
        VoiceSound[] sounds = [.. Enumerable.Range(0, 12).Select(i => PoolRig.Sine(200 + (50 * i), 0.3))];
        rig.Run(0.3, _ => [.. sounds.Select((s, i) => PoolRig.Loop(i, s, new Vector3(i, 0, -3)))]);
        output.WriteLine($"while playing: {AlLiveObjects.Describe()}");
        Assert.Equal(8, rig.Pool.Voices.Count);
        Assert.Equal(2 + 8 + 8 + 2, AlLiveObjects.Count); // device, context, 8 sources, 8 buffers, effect + slot

        rig.Pool.Dispose();
        Assert.Equal("1 context, 1 device", AlLiveObjects.Describe());
        rig.Dispose();
        Assert.Equal(0, AlLiveObjects.Count);
    }

    [Fact]
    public void Outputs_get_the_pool_that_fits_them()
    {
        using (IAudioOutput silent = new NullAudioOutput("test"))
        using (IVoicePool pool = VoicePools.For(silent))
            Assert.IsType<NullVoicePool>(pool);
        using (OpenAlAudioOutput loopback = OpenAlAudioOutput.CreateLoopback())
        using (IVoicePool pool = VoicePools.For(loopback, new VoicePoolOptions { MaxVoices = 4 }))
        {
            Assert.IsType<VoicePool>(pool);
            Assert.Equal(2 + 4 + 2, AlLiveObjects.Count); // device, context, 4 sources, effect + slot
        }
        Assert.Equal(0, AlLiveObjects.Count);
    }
}
