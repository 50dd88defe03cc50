using Xunit.Abstractions;
using System.Numerics;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class HrtfTests(ITestOutputHelper output)
{
    [Fact]
    public void Hrtf_names_come_from_libopenal_data()
    {
        using var rig = new LoopbackRig();
        Assert.True(rig.Device.SupportsHrtf);
        IReadOnlyList<string> names = rig.Device.HrtfNames;
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
    }

    [Fact]
    public void Hrtf_switches_on_and_off_and_reads_back()
    {
        using var rig = new LoopbackRig(HrtfMode.On);
        Assert.Equal(HrtfStatus.Enabled, rig.Device.HrtfStatus);
        Assert.True(rig.Device.IsHrtfEnabled);
        Assert.Contains(rig.Device.ActiveHrtfName, rig.Device.HrtfNames);

        rig.Device.Reset(new ContextAttributes { Hrtf = HrtfMode.Off });
        Assert.Equal(HrtfStatus.Disabled, rig.Device.HrtfStatus);
        Assert.Null(rig.Device.ActiveHrtfName);

        string last = rig.Device.HrtfNames[^1];
        rig.Device.Reset(new ContextAttributes { Hrtf = HrtfMode.On, HrtfName = last });
        Assert.Equal(HrtfStatus.Enabled, rig.Device.HrtfStatus);
        Assert.Equal(last, rig.Device.ActiveHrtfName);
    }

    [Fact]
    public void Binaural_mix_still_favours_the_near_ear()
    {
        using var rig = new LoopbackRig(HrtfMode.On);
        rig.LoopingSine(440, new Vector3(5, 0, 0));
        rig.Device.Render(4800);
        float[] mix = rig.Device.Render(24000);
        double left = Signals.Energy(mix, 0), right = Signals.Energy(mix, 1);
        output.WriteLine($"HRTF right {right:F3} left {left:F3}; names: {string.Join(", ", rig.Device.HrtfNames)}");
        Assert.True(right > 2 * left, $"HRTF right {right:F2} vs left {left:F2}");
    }

    [Fact]
    public void Unknown_hrtf_name_fails_listing_the_available_ones()
    {
        using var rig = new LoopbackRig();
        var e = Assert.Throws<ArgumentException>(() => rig.Device.Reset(new ContextAttributes { Hrtf = HrtfMode.On, HrtfName = "no such head" }));
        Assert.Contains("no such head", e.Message);
        Assert.Contains(rig.Device.HrtfNames[0], e.Message);
    }
}
