using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World.Materials;
using Xunit.Abstractions;

namespace GenWorld.World.Tests;

/// <summary>The sound → material mapping on the shipped notes-vae anchors and the shipped textures-gan.</summary>
[Collection(NativeCollection.Name)]
public sealed class MaterialMappingTests(ShippedField field, ITestOutputHelper output)
{
    private const int Channels = 32, Cells = 4, TextureLatent = Channels * Cells * Cells; // a 64 px tile of the shipped GAN

    [Fact]
    public void Distances_scale_by_exactly_the_gain_and_the_field_lands_at_unit_spread()
    {
        var mapping = new MaterialMapping(field.Anchors.AllLatents, field.Anchors.LatentSize, Channels, Cells);
        for (int i = 0; i < 50; i++)
        {
            int a = i * 97 % field.Anchors.Count, b = (i * 389 + 11) % field.Anchors.Count;
            double sound = Distance(field.Anchors.Latent(a), field.Anchors.Latent(b));
            double texture = Distance(mapping.Map(field.Anchors.Latent(a)), mapping.Map(field.Anchors.Latent(b)));
            Assert.Equal(mapping.Gain * sound, texture, sound * mapping.Gain * 1e-4);
        }
        // Over the whole field the texture latents (sound part plus the shared detail grid) have the prior's spread (the GAN was trained on N(0, 1) grids).
        double squares = 0;
        for (int i = 0; i < field.Anchors.Count; i++) squares += mapping.Map(field.Anchors.Latent(i)).Sum(v => (double)v * v);
        Assert.InRange(Math.Sqrt(squares / (field.Anchors.Count * (double)TextureLatent)), 0.95, 1.05);
    }

    [Fact]
    public void The_same_seed_gives_the_same_materials_and_bad_input_is_named()
    {
        var one = new MaterialMapping(field.Anchors.AllLatents, 16, Channels, Cells);
        var two = new MaterialMapping(field.Anchors.AllLatents, 16, Channels, Cells);
        var other = new MaterialMapping(field.Anchors.AllLatents, 16, Channels, Cells, seed: 7);
        Assert.Equal(one.Map(field.Anchors.Latent(3)), two.Map(field.Anchors.Latent(3)));
        Assert.NotEqual(one.Map(field.Anchors.Latent(3)), other.Map(field.Anchors.Latent(3)));
        Assert.Contains("8 values", Assert.Throws<ArgumentException>(() => one.Map(new float[8])).Message);
        Assert.Contains("at least as many", Assert.Throws<ArgumentOutOfRangeException>(() => new MaterialMapping(field.Anchors.AllLatents, 16, 8, Cells)).Message);
    }

    /// <summary>
    /// The figure for the README: nearest-neighbour sounds' tiles differ far less under the mapping than under a seed per
    /// anchor, and under the mapping near pairs differ less than random pairs (under seeds both are the same).
    /// </summary>
    [Fact]
    public void Nearby_sounds_get_nearby_materials_and_unrelated_seeds_do_not()
    {
        using var textures = ModelFolder.Open(RepoPaths.Model("textures-gan"), new OrtSessionFactory(_ => { }), OrtSessionSettings.Default with { IntraOpThreads = 1 });
        var generator = new TextureGenerator(textures);
        var mapping = new MaterialMapping(field.Anchors.AllLatents, field.Anchors.LatentSize, generator.LatentChannels, 4);
        MaterialContinuityReport r = MaterialContinuity.Measure(field.Anchors, generator, mapping, pairs: 48);
        output.WriteLine($"{r.Pairs} pairs; sound-latent distance near {r.MeanNearSoundDistance:F3}, random {r.MeanFarSoundDistance:F3}");
        foreach ((string name, MaterialChange c) in new[] { ("mapped", r.Mapped), ("unrelated", r.Unrelated) })
            output.WriteLine($"{name}: pixel change per unit {c.NearPixelPerUnit:F4}, colour-statistics change per unit {c.NearColourPerUnit:F4}, near pixel {c.NearPixel:F4}, random-pair pixel {c.FarPixel:F4}");
        Assert.True(r.Mapped.NearPixelPerUnit < 0.7 * r.Unrelated.NearPixelPerUnit, $"mapped {r.Mapped.NearPixelPerUnit} vs unrelated {r.Unrelated.NearPixelPerUnit}");
        Assert.True(r.Mapped.NearColourPerUnit < 0.7 * r.Unrelated.NearColourPerUnit, $"mapped {r.Mapped.NearColourPerUnit} vs unrelated {r.Unrelated.NearColourPerUnit}");
        Assert.True(r.Mapped.NearPixel < 0.6 * r.Mapped.FarPixel, $"mapped near {r.Mapped.NearPixel} vs random pairs {r.Mapped.FarPixel}");
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (double)(a[i] - b[i]);
        return Math.Sqrt(sum);
    }
}
