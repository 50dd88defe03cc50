using Xunit.Abstractions;
using System.Numerics;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class SpatialTests(ITestOutputHelper output)
{
    // 24000 frames of 440 Hz are exactly 220 cycles, so energies compare without window edge effects.
    private const int Measure = 24000;
    private const int Settle = 4800;

    [Theory]
    [InlineData(5f, 1)]
    [InlineData(-5f, 0)]
    public void Source_to_one_side_is_louder_in_that_ear(float x, int louderChannel)
    {
        using var rig = new LoopbackRig(HrtfMode.Off);
        Assert.Equal(HrtfStatus.Disabled, rig.Device.HrtfStatus);
        rig.LoopingSine(440, new Vector3(x, 0, 0));
        rig.Device.Render(Settle);
        float[] mix = rig.Device.Render(Measure);

        double louder = Signals.Energy(mix, louderChannel);
        double quieter = Signals.Energy(mix, 1 - louderChannel);
        output.WriteLine($"louder {louder:F3}, quieter {quieter:F3}, ratio {louder / quieter:F1}");
        Assert.True(louder > 1.0, $"hardly any signal: {louder}");
        Assert.True(louder > 4 * quieter, $"expected a clear pan: louder {louder:F2}, quieter {quieter:F2}");
    }

    [Fact]
    public void Doubling_distance_quarters_energy_under_inverse_distance_clamped()
    {
        using var rig = new LoopbackRig(HrtfMode.Off);
        Assert.Equal(DistanceModel.InverseClamped, rig.Context.DistanceModel);
        AlSource source = rig.LoopingSine(440, new Vector3(5, 0, 0));
        source.ReferenceDistance = 1;
        source.RolloffFactor = 1;
        Assert.Equal(1f, source.ReferenceDistance);

        rig.Device.Render(Settle);
        double near = Signals.Total(rig.Device.Render(Measure));
        source.Position = new Vector3(10, 0, 0);
        rig.Device.Render(Settle);
        double far = Signals.Total(rig.Device.Render(Measure));

        // gain = ref / (ref + rolloff * (d - ref)) = 1/d, energy goes with gain squared: (1/10)² / (1/5)² = 0.25.
        double ratio = far / near;
        output.WriteLine($"E(5) {near:F3}, E(10) {far:F3}, ratio {ratio:F5}");
        Assert.InRange(ratio, 0.25 * 0.98, 0.25 * 1.02);
    }

    [Fact]
    public void Listener_and_source_properties_read_back()
    {
        using var rig = new LoopbackRig();
        AlListener listener = rig.Context.Listener;
        listener.Position = new Vector3(1, 2, 3);
        listener.Velocity = new Vector3(0, 0, -1);
        listener.Gain = 0.5f;
        listener.Orientation = (Vector3.UnitX, Vector3.UnitY);
        Assert.Equal(new Vector3(1, 2, 3), listener.Position);
        Assert.Equal(new Vector3(0, 0, -1), listener.Velocity);
        Assert.Equal(0.5f, listener.Gain);
        Assert.Equal((Vector3.UnitX, Vector3.UnitY), listener.Orientation);

        rig.Context.DopplerFactor = 2;
        rig.Context.SpeedOfSound = 300;
        rig.Context.DistanceModel = DistanceModel.LinearClamped;
        Assert.Equal((2f, 300f, DistanceModel.LinearClamped), (rig.Context.DopplerFactor, rig.Context.SpeedOfSound, rig.Context.DistanceModel));

        AlSource source = rig.LoopingSine(440, new Vector3(0, 0, -2));
        source.Velocity = new Vector3(3, 0, 0);
        source.Gain = 0.25f;
        source.Pitch = 1.5f;
        source.MaxDistance = 50;
        Assert.Equal((new Vector3(3, 0, 0), 0.25f, 1.5f, 50f, true), (source.Velocity, source.Gain, source.Pitch, source.MaxDistance, source.Looping));
        Assert.Equal(AlSourceState.Playing, source.State);
        rig.Device.Render(1000);
        Assert.InRange(source.SampleOffset, 1, 4799);
        source.Stop();
        Assert.Equal(AlSourceState.Stopped, source.State);
    }

    [Fact]
    public void A_failing_AL_call_throws_naming_the_call()
    {
        using var rig = new LoopbackRig();
        AlSource source = rig.LoopingSine(440, new Vector3(0, 0, -1));
        // The buffer holds 4800 frames: seeking past its end while playing is AL_INVALID_VALUE.
        var e = Assert.Throws<AlException>(() => source.SampleOffset = 1_000_000);
        Assert.Contains("AL_SAMPLE_OFFSET", e.Call);
        Assert.Equal("AL_INVALID_VALUE", e.Error);
    }
}
