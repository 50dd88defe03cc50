using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Voices;
using Xunit.Abstractions;

namespace GenWorld.Audio.Tests.Voices;

/// <summary>
/// Clicks are sample-to-sample jumps larger than the signal itself makes. A 220/330 Hz sine at amplitude 0.5 moves at
/// most ~0.015-0.02 per sample; a voice cut at a peak jumps by up to the full amplitude. The pool's start, steal and
/// stop boundaries must stay within the jump of the steady signal around them.
/// </summary>
[Collection(OpenAlCollection.Name)]
public sealed class ClickTests(ITestOutputHelper output)
{
    private const double Allowance = 1.1;   // boundary jump may exceed the steady signal's own max jump by 10%

    private static int At(double seconds) => (int)(seconds * Signals.Rate);

    [Fact]
    public void Start_steal_and_stop_make_no_jump_beyond_the_signals_own()
    {
        using var rig = new PoolRig(new VoicePoolOptions { MaxVoices = 1 });
        // Odd lengths on purpose: neither loop holds whole cycles, so the loop seam is exercised too.
        VoiceSound a = PoolRig.Sine(220, 0.3037), b = PoolRig.Sine(330, 0.2519);
        float[] mix = rig.Run(2.0, t => t switch
        {
            < 0.5 => [PoolRig.Loop(1, a, new Vector3(-1, 0, -2))],
            // B appears nearer: with one voice it steals A's, which fades out before B fades in.
            < 1.0 => [PoolRig.Loop(1, a, new Vector3(-1, 0, -2)), PoolRig.Loop(2, b, new Vector3(1, 0, -1))],
            _ => [],
        });

        for (int channel = 0; channel < 2; channel++)
        {
            double steadyA = Signals.MaxJump(mix, channel, At(0.25), At(0.5));
            double steadyB = Signals.MaxJump(mix, channel, At(0.75), At(1.0));
            double start = Signals.MaxJump(mix, channel, 0, At(0.25));
            double steal = Signals.MaxJump(mix, channel, At(0.5), At(0.75));
            double stop = Signals.MaxJump(mix, channel, At(1.0), At(2.0));
            output.WriteLine($"channel {channel}: steady A {steadyA:F4}, B {steadyB:F4}; start {start:F4}, steal {steal:F4}, stop {stop:F4}");
            Assert.True(steadyA > 0.003 && steadyB > 0.003, "both voices should be clearly audible");
            // Each boundary against the voices sounding around it.
            Assert.True(start <= steadyA * Allowance, $"start jump {start:F4} > {steadyA * Allowance:F4}");
            Assert.True(steal <= Math.Max(steadyA, steadyB) * Allowance, $"steal jump {steal:F4} > {Math.Max(steadyA, steadyB) * Allowance:F4}");
            Assert.True(stop <= steadyB * Allowance, $"stop jump {stop:F4} > {steadyB * Allowance:F4}");
        }
        Assert.Empty(rig.Pool.Voices);
    }

    [Fact]
    public void A_hard_stop_without_the_pool_would_click()
    {
        // The control: the same measurement sees the click of a source stopped at a peak, so the test above can fail.
        using var rig = new LoopbackRig(HrtfMode.Off);
        AlSource source = rig.LoopingSine(250, new Vector3(0, 0, -1));
        float[] before = rig.Device.Render(At(0.2) + 48);   // 250 Hz: stop 48 frames into a cycle, near its peak
        source.Stop();
        float[] after = rig.Device.Render(At(0.1));
        float[] mix = [.. before, .. after];
        double own = Signals.MaxJump(mix, 0, At(0.1), At(0.2));
        double cut = Signals.MaxJump(mix, 0, At(0.2), At(0.3));
        output.WriteLine($"steady {own:F4}, at the hard stop {cut:F4} ({cut / own:F1}x)");
        Assert.True(cut > 3 * own, $"a hard stop should click: {cut:F4} vs {own:F4}");
    }
}
