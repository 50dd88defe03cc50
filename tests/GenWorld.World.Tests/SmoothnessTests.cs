using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.World.Projection;

namespace GenWorld.World.Tests;

[Collection(NativeCollection.Name)]
public sealed class SmoothnessTests(ShippedField field)
{
    [Fact]
    public void Decoded_sound_changes_smoothly_along_straight_walks_unlike_the_nearest_anchor_field()
    {
        var decoder = new SoundDecoder(field.Model, new SoundFinishing(OutputRate: 16000), maxParallelism: 1);
        SmoothnessReport r = Smoothness.Measure(field.Projection, decoder, pitch: 60, walks: 2, steps: 8, stepLength: 0.25f, seed: 4);
        Assert.Equal(16, r.Steps);
        Assert.InRange(r.MeanPerUnit, 0.5, 40); // a real change per unit of movement, not a frozen field
        Assert.True(r.JumpRatio < 4, $"max {r.MaxPerUnit:F2} vs mean {r.MeanPerUnit:F2} per unit: a jump");
        // Switching to the nearest anchor's sound changes nothing within a cell and everything at its edge: its jumps
        // (max over mean change per unit) dwarf the decoded field's, which changes a little at every step.
        double nearestJumps = r.NearestAnchorMaxPerUnit / r.NearestAnchorMeanPerUnit;
        Assert.True(nearestJumps > 2 * r.JumpRatio, $"nearest-anchor max/mean {nearestJumps:F2} vs field {r.JumpRatio:F2}");
    }
}
