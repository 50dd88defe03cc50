using System.Numerics;
using GenWorld.Rendering.Field;

namespace GenWorld.Rendering.Tests.Field;

/// <summary>The local material on the ground around the visitor, drawn by the real renderer on llvmpipe.</summary>
[Collection(NativeGlCollection.Name)]
public sealed class GroundPatchTests
{
    private static readonly FieldStyle Style = new() { GroundHeight = -2, GridSpacing = 1, FogColour = Vector3.Zero, FogStart = 30, FogEnd = 60 };

    [Fact]
    public void The_patch_wears_its_material_fades_at_its_rim_cross_fades_and_keeps_the_frame_opaque()
    {
        using var rig = new FieldRig(160, 120, Style with { GroundHeight = -2 });
        Camera eye = rig.LookAt(new Vector3(0, 1, 4), new Vector3(0, -2, -2));
        TileImage red = TileImage.Solid(new Rgba8(220, 30, 30)), blue = TileImage.Solid(new Rgba8(30, 30, 220));
        var patch = new GroundPatch(Vector3.Zero, 4f, 1f, -1, red);

        byte[] pixels = rig.Render(eye, ground: patch);
        (int cx, int cy) = rig.Project(eye, new Vector3(0.5f, -2, 0.5f)); // inside the disc, between grid lines
        Rgba8 centre = Rgba8.At(pixels, rig.Width, cx, cy);
        Assert.True(centre.R > 150 && centre.B < 60, $"the patch centre should wear the red material, got {centre}");
        (int ox, int oy) = rig.Project(eye, new Vector3(5.5f, -2, -1.5f)); // beyond the radius
        Assert.True(Rgba8.At(pixels, rig.Width, ox, oy).R < 120, "outside the disc there is no material");
        // Read-back frames stay opaque where the rim fades (see-through PNGs were the bug this guards).
        for (int i = 3; i < pixels.Length; i += 4) Assert.Equal(255, pixels[i]);

        Rgba8 half = Rgba8.At(rig.Render(eye, ground: patch with { CurrentId = -2, Current = blue, PreviousId = -1, Previous = red, Blend = 0.5f }), rig.Width, cx, cy);
        Assert.True(half.R > 60 && half.B > 60, $"mid cross-fade both materials show, got {half}");
        Rgba8 done = Rgba8.At(rig.Render(eye, ground: patch with { CurrentId = -2, Current = blue, PreviousId = -1, Previous = red, Blend = 1f }), rig.Width, cx, cy);
        Assert.True(done.B > 150 && done.R < 60, $"after the cross-fade only the new material shows, got {done}");

        var error = Assert.Throws<ArgumentException>(() => rig.Render(eye, ground: patch with { Radius = 0 }));
        Assert.Contains("radius 0", error.Message);
    }
}
