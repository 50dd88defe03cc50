using System.Numerics;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using GenWorld.Rendering.Resources;
using Xunit.Abstractions;

namespace GenWorld.Rendering.Tests.Field;

[Collection(NativeGlCollection.Name)]
public sealed class FieldRendererTests(ITestOutputHelper output)
{
    private static readonly Rgba8 White = new(255, 255, 255);
    private static readonly FieldStyle NoGrid = new() { GroundHeight = null, FogColour = Vector3.Zero, FogStart = 5, FogEnd = 45 };

    [Fact]
    public void Fog_darkens_far_points_against_near_ones()
    {
        using var rig = new FieldRig(160, 120, NoGrid);
        Camera eye = rig.LookAt(new Vector3(0, 0, 0), new Vector3(0, 0, -1));
        // Same colour and same on-screen size (size grows with distance), near left, far right.
        PointInstance[] points = [new(new Vector3(-1, 0, -4), 0.8f, White), new(new Vector3(8, 0, -32), 6.4f, White)];
        byte[] pixels = rig.Render(eye, points);

        (int nx, int ny) = rig.Project(eye, points[0].Position);
        (int fx, int fy) = rig.Project(eye, points[1].Position);
        Rgba8 near = Rgba8.At(pixels, rig.Width, nx, ny), far = Rgba8.At(pixels, rig.Width, fx, fy);
        output.WriteLine($"near {near} at ({nx},{ny}), far {far} at ({fx},{fy})");
        Assert.True(near.MaxDifference(White) <= 2, $"near point {near} should be unfogged white");
        // Distance ~33 with fog 5..45: fog ≈ 0.7, so the far point keeps ≈ 30% of its brightness.
        Assert.InRange((int)far.R, 55, 100);

        // Unchanged anchors are not re-uploaded; a changed one is.
        Assert.True(rig.Renderer.LastFrame.PointsUploaded);
        Assert.Equal(pixels, rig.Render(eye, [.. points]));
        Assert.False(rig.Renderer.LastFrame.PointsUploaded);
        rig.Render(eye, [points[0], points[1] with { Size = 5f }]);
        Assert.True(rig.Renderer.LastFrame.PointsUploaded);
    }

    [Fact]
    public void Ground_grid_draws_lines_below_the_horizon_only_and_can_be_turned_off()
    {
        var style = new FieldStyle { GroundHeight = -2, GridSpacing = 1, FogStart = 10, FogEnd = 40 };
        using var rig = new FieldRig(160, 120, style);
        Camera eye = rig.LookAt(new Vector3(0.3f, 0, 0), new Vector3(0.3f, 0, -10));
        Rgba8 fog = FieldRig.FogRgba(style);
        byte[] pixels = rig.Render(eye);
        (int above, int below) = CountNonFog(pixels, rig.Width, rig.Height, fog);
        output.WriteLine($"grid pixels above horizon {above}, below {below}");
        Assert.Equal(0, above);
        Assert.InRange(below, 300, 160 * 60 - 500);

        rig.Renderer.Style = style with { GroundHeight = null };
        (above, below) = CountNonFog(rig.Render(eye), rig.Width, rig.Height, fog);
        Assert.Equal((0, 0), (above, below));
    }

    [Fact]
    public void Emitter_object_wears_its_material_lit_swells_with_its_envelope_and_fades_with_its_voice()
    {
        using var rig = new FieldRig(160, 120, NoGrid with { FogStart = 50, FogEnd = 90 });
        Camera eye = rig.LookAt(Vector3.Zero, new Vector3(0, 0, -1), fovDegrees: 20);
        Rgba8 green = new(40, 210, 60);
        var tile = TileImage.Solid(green);
        // Beyond the near fade (8 sizes) and inside the frame's central 80 %, so both are fully drawn.
        var centre = new Vector3(0.5f, 0.1f, -6);
        var placeholderAt = new Vector3(-0.8f, 0, -6);
        FieldObject[] objects = [new(7, centre, 0.7f, tile), new(8, placeholderAt, 0.5f, null)];

        byte[] pixels = rig.Render(eye, objects: objects);
        Rect box = Around(rig.Project(eye, centre), 22);
        var materialPixels = Pixels(pixels, rig.Width, box).Where(p => p.G > p.R + 60 && p.G > p.B + 60).ToList();
        double[] brightness = [.. materialPixels.Select(p => (double)p.G)];
        double mean = brightness.Average(), spread = Math.Sqrt(brightness.Average(b => (b - mean) * (b - mean)));
        output.WriteLine($"material pixels {materialPixels.Count}, green {mean:F0} ± {spread:F1}");
        Assert.InRange(materialPixels.Count, 300, box.Area); // the block shows its (green) material
        Assert.True(spread > 6, $"lighting should shade the faces differently (spread {spread:F1})");
        Rgba8 placeholder = Rgba8.At(pixels, rig.Width, rig.Project(eye, placeholderAt).X, rig.Project(eye, placeholderAt).Y);
        Assert.True(Math.Abs(placeholder.R - placeholder.B) < 40 && placeholder.G < 200, $"placeholder object {placeholder} is in the (grey) placeholder colour");
        Assert.Equal(new FieldFrameStats(0, true, 2, 1, false, 0, 0), rig.Renderer.LastFrame); // first frame: empty points "uploaded"

        // Audio-reactive: at full envelope the block swells; at zero opacity (voice faded out) it is gone.
        Rect room = Around(rig.Project(eye, centre), 34); // room to swell into, clear of the placeholder
        int quiet = NonBlack(rig.Render(eye, objects: [objects[0]]), rig.Width, room);
        int loud = NonBlack(rig.Render(eye, objects: [objects[0] with { Envelope = 1f }]), rig.Width, room);
        int gone = NonBlack(rig.Render(eye, objects: [objects[0] with { Opacity = 0f }]), rig.Width, room);
        output.WriteLine($"covered pixels: quiet {quiet}, loud {loud}, faded out {gone}");
        Assert.True(loud > quiet * 1.2, $"a loud voice swells its object ({quiet} -> {loud} px)");
        Assert.Equal(0, gone);

        rig.Render(eye, objects: objects);
        Assert.Equal(1L, rig.Renderer.Textures.Uploads);
        rig.Render(eye, objects: [objects[0] with { Tile = TileImage.Solid(new Rgba8(255, 0, 0)) }]);
        Assert.Equal(2L, rig.Renderer.Textures.Uploads);

        // Walked up to (within three sizes) or pushed to the frame's edge, the object fades out instead of filling or being cut.
        Assert.Equal(0, NonBlack(rig.Render(eye, objects: [objects[0] with { Position = new Vector3(0, 0, -1.5f) }]), rig.Width, new Rect(0, 0, rig.Width, rig.Height)));
        Assert.Equal(0, NonBlack(rig.Render(eye, objects: [objects[0] with { Position = new Vector3(1.45f, 0, -6) }]), rig.Width, new Rect(0, 0, rig.Width, rig.Height)));
    }

    [Fact]
    public void Hud_pixels_change_only_when_the_text_changes()
    {
        using var rig = new FieldRig(200, 100, NoGrid);
        Camera eye = rig.LookAt(Vector3.Zero, new Vector3(0, 0, -1));
        byte[] a = rig.Render(eye, hud: ["pos 1.0 2.0 3.0", "fps 60"]);
        byte[] same = rig.Render(eye, hud: ["pos 1.0 2.0 3.0", "fps 60"]);
        Assert.Equal(1, rig.Renderer.HudUploads);
        byte[] b = rig.Render(eye, hud: ["pos 1.0 2.0 3.0", "fps 59"]);
        Assert.Equal(2, rig.Renderer.HudUploads);
        byte[] none = rig.Render(eye);

        int textPixels = CountNonFog(a, rig.Width, rig.Height, Rgba8.At(none, rig.Width, 0, 0)).Above;
        int changed = Enumerable.Range(0, a.Length / 4).Count(i => Rgba8.At(a, 1, i, 0).MaxDifference(Rgba8.At(b, 1, i, 0)) > 40);
        output.WriteLine($"HUD covers {textPixels} px in the top half; '60' -> '59' changed {changed} px");
        Assert.Equal(a, same);
        Assert.InRange(textPixels, 300, 200 * 50);
        Assert.InRange(changed, 10, 400);
    }

    [Fact]
    public void Idle_tile_textures_are_evicted_and_everything_is_freed_at_dispose()
    {
        var rig = new FieldRig(64, 64, NoGrid with { TextureIdleFrames = 2 });
        GlObjectCounts live = rig.Gl.Device.LiveObjects;
        int targetOnly = 3; // the render target's framebuffer, colour texture and depth renderbuffer
        Camera eye = rig.LookAt(Vector3.Zero, new Vector3(0, 0, -1));
        FieldObject[] quads = [.. Enumerable.Range(0, 5).Select(i => new FieldObject(i, new Vector3(i - 2, 0, -5), 0.5f, TileImage.Solid(new Rgba8(200, 0, 0))))];
        rig.Render(eye, [new PointInstance(new Vector3(0, 0, -3), 1, White)], quads, ["hello"]);
        int textures = live[GlObjectKind.Texture];
        Assert.Equal(5, rig.Renderer.Textures.Count);

        for (int i = 0; i < 3; i++) rig.Render(eye, objects: quads[..2]);
        Assert.Equal(2, rig.Renderer.Textures.Count);
        Assert.Equal(textures - 3, live[GlObjectKind.Texture]);
        Assert.True(rig.Renderer.Textures.Evict(0));
        Assert.Equal(textures - 4, live[GlObjectKind.Texture]);

        rig.Renderer.Dispose();
        Assert.Equal(targetOnly, live.Total);
        rig.Dispose(); // HeadlessGl asserts the count is zero
        Assert.Equal(0, live.Total);
    }

    internal readonly record struct Rect(int X0, int Y0, int X1, int Y1)
    {
        public int Area => (X1 - X0) * (Y1 - Y0);
    }

    internal static Rect Around((int X, int Y) centre, int half) => new(centre.X - half, centre.Y - half, centre.X + half, centre.Y + half);

    internal static IEnumerable<Rgba8> Pixels(byte[] pixels, int width, Rect r)
    {
        int height = pixels.Length / 4 / width;
        for (int y = Math.Max(0, r.Y0); y < Math.Min(height, r.Y1); y++)
            for (int x = Math.Max(0, r.X0); x < Math.Min(width, r.X1); x++)
                yield return Rgba8.At(pixels, width, x, y);
    }

    private static int NonBlack(byte[] pixels, int width, Rect r) => Pixels(pixels, width, r).Count(p => p.R + p.G + p.B > 30);

    internal static (int Above, int Below) CountNonFog(byte[] pixels, int width, int height, Rgba8 fog)
    {
        int above = 0, below = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (Rgba8.At(pixels, width, x, y).MaxDifference(fog) > 3)
                {
                    if (y < height / 2) above++;
                    else below++;
                }
        return (above, below);
    }
}

internal static class SpanFill
{
    public static void SetValues(this Span<byte> span, byte[] values) => values.CopyTo(span);
}
