using Xunit.Abstractions;
using System.Numerics;
using GenWorld.Audio.Efx;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class ReverbTests(ITestOutputHelper output)
{
    private const int ImpulseFrames = 480;      // 10 ms burst
    private const int TailFrom = 4800;          // 100 ms: well after the dry burst
    private const int RenderFrames = 28800;     // 600 ms

    [Fact]
    public void Reverb_send_leaves_a_tail_after_the_dry_impulse()
    {
        (double dryHead, double dryTail) = RenderImpulse(withReverb: false);
        (double wetHead, double wetTail) = RenderImpulse(withReverb: true);

        output.WriteLine($"dry head {dryHead:E3} tail {dryTail:E3}; wet head {wetHead:E3} tail {wetTail:E3}");
        Assert.True(dryHead > 1, $"dry impulse too quiet: {dryHead}");
        Assert.True(dryTail < 1e-6, $"without a send the tail should be silent: {dryTail}");
        Assert.True(wetTail > 0.01 * wetHead, $"reverb tail {wetTail:E2} vs head {wetHead:E2}");
        Assert.True(wetTail > 1000 * (dryTail + 1e-9));
    }

    [Fact]
    public void Reverb_settings_out_of_range_name_the_field()
    {
        var settings = new ReverbSettings { DecayTime = 50, Density = -1 };
        IReadOnlyList<string> errors = settings.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("DecayTime = 50", StringComparison.Ordinal));
        var e = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Contains("Density", e.Message);
    }

    private static (double Head, double Tail) RenderImpulse(bool withReverb)
    {
        using var rig = new LoopbackRig();
        var random = new Random(7);
        var burst = new float[ImpulseFrames];
        for (int i = 0; i < burst.Length; i++) burst[i] = (float)((random.NextDouble() * 2) - 1) * 0.5f;
        AlBuffer buffer = rig.Context.CreateBuffer();
        buffer.Upload(burst, 1, Signals.Rate);
        AlSource source = rig.Context.CreateSource();
        source.Buffer = buffer;
        source.Position = new Vector3(0, 0, -1);
        if (withReverb)
        {
            AlReverbEffect reverb = AlReverbEffect.Create(rig.Context, new ReverbSettings { DecayTime = 2f, Gain = 1f, LateReverbGain = 2f });
            AlEffectSlot slot = AlEffectSlot.Create(rig.Context);
            slot.Effect = reverb;
            source.SendTo(slot);
        }
        source.Play();
        float[] mix = rig.Device.Render(RenderFrames);
        return (Signals.Total(mix, 0, TailFrom), Signals.Total(mix, TailFrom));
    }
}
