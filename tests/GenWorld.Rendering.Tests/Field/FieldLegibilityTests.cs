using System.Numerics;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;
using Xunit.Abstractions;
using static GenWorld.Rendering.Tests.Field.FieldRendererTests;

namespace GenWorld.Rendering.Tests.Field;

/// <summary>Rendered-frame checks that the field reads: clusters in distinct colours, region labels, the legend, the glow.</summary>
[Collection(NativeGlCollection.Name)]
public sealed class FieldLegibilityTests(ITestOutputHelper output)
{
    private static readonly FieldStyle Dark = new() { GroundHeight = null, FogColour = Vector3.Zero, FogStart = 30, FogEnd = 80 };

    [Fact]
    public void Palette_colours_share_one_lightness_and_are_far_apart_in_oklab()
    {
        (float L, float A, float B)[] lab = [.. Enumerable.Range(0, 12).Select(i => LabelPalette.ToOkLab(LabelPalette.Colour(i)))];
        float lightMin = lab.Min(c => c.L), lightMax = lab.Max(c => c.L);
        double closest = double.MaxValue;
        for (int i = 0; i < lab.Length; i++)
            for (int j = i + 1; j < lab.Length; j++)
                closest = Math.Min(closest, Distance(lab[i], lab[j]));
        output.WriteLine($"OKLab lightness {lightMin:F3}..{lightMax:F3}, closest pair of 12 at {closest:F3}");
        Assert.True(lightMax - lightMin < 0.03, "one perceptual lightness for every label");
        Assert.True(closest > 0.045, $"12 labels stay apart (closest {closest:F3})");
        // Labels next in index are far apart on the hue wheel (golden angle), so neighbouring families never look alike.
        Assert.All(Enumerable.Range(0, 11), i => Assert.True(Distance(lab[i], lab[i + 1]) > 0.15));
    }

    [Fact]
    public void Two_labelled_clusters_render_as_two_distinct_palette_regions_and_dense_clusters_glow()
    {
        using var rig = new FieldRig(200, 120, Dark);
        Camera eye = rig.LookAt(new Vector3(0, 0, 12), Vector3.Zero);
        var random = new Random(3);
        Vector3 left = new(-3.5f, 0, 0), right = new(3.5f, 0, 0);
        PointInstance[] points = [.. Enumerable.Range(0, 600).Select(i =>
        {
            var jitter = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 2f;
            return new PointInstance((i % 2 == 0 ? left : right) + jitter, 0.9f, LabelPalette.Colour(i % 2));
        })];
        byte[] pixels = rig.Render(eye, points);

        var mean = new (float L, float A, float B)[2];
        for (int side = 0; side < 2; side++)
        {
            var lit = Pixels(pixels, rig.Width, Around(rig.Project(eye, side == 0 ? left : right), 18)).Where(p => p.R + p.G + p.B > 60).ToList();
            Assert.True(lit.Count > 100, $"cluster {side} covers only {lit.Count} px");
            var labs = lit.Select(LabelPalette.ToOkLab).ToList();
            mean[side] = (labs.Average(c => c.L), labs.Average(c => c.A), labs.Average(c => c.B));
        }
        var expected = new[] { LabelPalette.ToOkLab(LabelPalette.Colour(0)), LabelPalette.ToOkLab(LabelPalette.Colour(1)) };
        double apart = Distance(mean[0], mean[1]);
        output.WriteLine($"cluster colours (OKLab a, b): {mean[0].A:F3},{mean[0].B:F3} vs {mean[1].A:F3},{mean[1].B:F3}; apart {apart:F3}");
        Assert.True(apart > 0.12, $"the two clusters' colours are {apart:F3} apart in OKLab");
        // Each region's hue is its label's (chroma direction within 30°), whatever the glow did to its brightness.
        for (int side = 0; side < 2; side++)
        {
            double hueSeen = Math.Atan2(mean[side].B, mean[side].A), hueWanted = Math.Atan2(expected[side].B, expected[side].A);
            double off = Math.Abs(Math.IEEERemainder(hueSeen - hueWanted, 2 * Math.PI)) * 180 / Math.PI;
            Assert.True(off < 30, $"cluster {side} hue is {off:F0}° off its label colour");
        }
        // Glow: where halos overlap the field is brighter than any single sprite's core colour.
        int brightest = Pixels(pixels, rig.Width, Around(rig.Project(eye, left), 18)).Max(p => p.R + p.G + p.B);
        Rgba8 core = LabelPalette.Colour(0);
        Assert.True(brightest > core.R + core.G + core.B + 20, $"dense cluster peak {brightest} vs core {core.R + core.G + core.B}");
    }

    [Fact]
    public void Region_labels_are_drawn_over_their_centres_and_fade_with_distance()
    {
        using var rig = new FieldRig(240, 140, Dark with { LabelNearFade = 1, LabelFadeStart = 10, LabelFadeEnd = 20, Legend = false });
        Camera eye = rig.LookAt(new Vector3(0, 0, 8), Vector3.Zero);
        FieldRegion brass = new(new Vector3(-2, 0, 0), "brass", LabelPalette.Colour(2));
        FieldRegion far = new(new Vector3(2, 0, -30), "organ", LabelPalette.Colour(3));
        byte[] without = rig.Render(eye);
        byte[] with = rig.Render(eye, regions: [brass, far]);
        Assert.Equal(1, rig.Renderer.LastFrame.LabelsDrawn); // the far one is past the fade end

        (int x, int y) = rig.Project(eye, brass.Centre);
        var above = new Rect(x - 40, y - 24, x + 40, y + 1); // the label's bottom centre sits on its point
        int changed = Changed(without, with, rig.Width, above);
        int elsewhere = Changed(without, with, rig.Width, new Rect(0, 0, rig.Width, rig.Height)) - changed;
        output.WriteLine($"label pixels over its centre {changed}, elsewhere {elsewhere}");
        Assert.InRange(changed, 60, above.Area);
        Assert.True(elsewhere < 10, $"{elsewhere} pixels changed away from the visible label");
        Assert.Equal(1, rig.Renderer.LabelUploads);
        rig.Render(eye, regions: [brass, far]);
        Assert.Equal(1, rig.Renderer.LabelUploads); // same regions: no re-rasterising

        Assert.Equal(0f, RegionLabels.Opacity(25, rig.Renderer.Style));
        Assert.Equal(1f, RegionLabels.Opacity(5, rig.Renderer.Style));
        Assert.InRange(RegionLabels.Opacity(15, rig.Renderer.Style), 0.3f, 0.7f);
        Assert.Equal(0f, RegionLabels.Opacity(0.4f, rig.Renderer.Style)); // in your face: gone
    }

    [Fact]
    public void Legend_lists_the_regions_in_the_bottom_left_corner_and_can_be_turned_off()
    {
        using var rig = new FieldRig(240, 160, Dark);
        Camera eye = rig.LookAt(new Vector3(0, 0, 8), Vector3.Zero);
        FieldRegion[] regions = [.. Enumerable.Range(0, 3).Select(i => new FieldRegion(new Vector3(0, 0, -200), $"family {i}", LabelPalette.Colour(i)))];
        byte[] without = rig.Render(eye);
        byte[] with = rig.Render(eye, regions: regions);
        int corner = Changed(without, with, rig.Width, new Rect(0, rig.Height / 2, rig.Width / 2, rig.Height));
        int rest = Changed(without, with, rig.Width, new Rect(0, 0, rig.Width, rig.Height)) - corner;
        output.WriteLine($"legend pixels {corner} in the bottom-left quarter, {rest} elsewhere");
        Assert.InRange(corner, 300, rig.Width * rig.Height / 4);
        Assert.Equal(0, rest);
        // Each swatch is in its region's colour.
        foreach (FieldRegion r in regions)
            Assert.Contains(Pixels(with, rig.Width, new Rect(0, rig.Height / 2, 40, rig.Height)), p => p.MaxDifference(r.Colour) <= 12);

        rig.Renderer.Style = rig.Renderer.Style with { Legend = false };
        Assert.Equal(without, rig.Render(eye, regions: regions));
    }

    private static int Changed(byte[] a, byte[] b, int width, Rect r) =>
        Pixels(a, width, r).Zip(Pixels(b, width, r)).Count(p => p.First.MaxDifference(p.Second) > 24);

    private static double Distance((float L, float A, float B) x, (float L, float A, float B) y) =>
        Math.Sqrt(((x.L - y.L) * (x.L - y.L)) + ((x.A - y.A) * (x.A - y.A)) + ((x.B - y.B) * (x.B - y.B)));
}
