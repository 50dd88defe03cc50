using System.Numerics;
using System.Runtime.CompilerServices;
using GenWorld.Core.Native;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Imaging;
using GenWorld.Rendering.Points;
using Xunit.Abstractions;

namespace GenWorld.Rendering.Tests.Field;

/// <summary>
/// A small fixed scene (labelled point cloud, grid, a material and a placeholder object, region labels, legend, HUD)
/// compared with a committed PNG.
/// Regenerate after an intended visual change with <c>GENWORLD_UPDATE_GOLDEN=1 dotnet test ...</c> and commit the PNG.
/// </summary>
[Collection(NativeGlCollection.Name)]
public sealed class GoldenImageTests(ITestOutputHelper output)
{
    private const int Width = 200;
    private const int Height = 150;
    private const double MaxMeanDifference = 1.5;     // per channel, 0..255
    private const double MaxFractionOff = 0.005;      // share of pixels more than 32 off in any channel

    [Fact]
    public void Fixed_scene_matches_the_golden_image()
    {
        using var rig = new FieldRig(Width, Height, new FieldStyle { FogStart = 6, FogEnd = 40, GroundHeight = -3, GridSpacing = 1.5f });
        Camera eye = rig.LookAt(new Vector3(2, 1.5f, 9), new Vector3(0, 0, 0));
        byte[] pixels = rig.Render(eye, Cloud(), Objects(), ["near  kick  ·  snare", "60 fps drawn   2 voices"], Regions());

        string golden = GoldenPath();
        if (Libc.GetEnv("GENWORLD_UPDATE_GOLDEN") == "1")
        {
            PngImage.Save(golden, pixels, Width, Height);
            output.WriteLine($"wrote {golden}");
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run with GENWORLD_UPDATE_GOLDEN=1 to create it.");
        (byte[] expected, int w, int h) = PngImage.Load(golden);
        Assert.Equal((Width, Height), (w, h));

        double sum = 0;
        int off = 0;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int worst = 0;
            for (int c = 0; c < 3; c++)
            {
                int d = Math.Abs(pixels[i + c] - expected[i + c]);
                sum += d;
                worst = Math.Max(worst, d);
            }
            if (worst > 32) off++;
        }
        double mean = sum / (Width * Height * 3);
        double fraction = (double)off / (Width * Height);
        output.WriteLine($"mean difference {mean:F3} per channel, {off} pixels ({fraction:P2}) more than 32 off");
        if (mean > MaxMeanDifference || fraction > MaxFractionOff)
            PngImage.Save(Path.Combine(Path.GetTempPath(), "field-scene.actual.png"), pixels, Width, Height);
        Assert.True(mean <= MaxMeanDifference, $"mean difference {mean:F2} > {MaxMeanDifference} (actual saved to the temp folder)");
        Assert.True(fraction <= MaxFractionOff, $"{fraction:P2} of pixels differ by more than 32");
    }

    private static PointInstance[] Cloud()
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, 600).Select(i =>
        {
            int label = i % 5;
            Vector3 centre = Centre(label);
            var jitter = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 2.5f;
            return new PointInstance(centre + jitter, 0.12f + (0.1f * random.NextSingle()), LabelPalette.Colour(label));
        })];
    }

    private static FieldRegion[] Regions() =>
        [.. Enumerable.Range(0, 5).Select(label => new FieldRegion(Centre(label) + new Vector3(0, 1.3f, 0), $"family {label}", LabelPalette.Colour(label)))];

    private static Vector3 Centre(int label) => new(MathF.Cos(label * 1.26f) * 4, (label - 2) * 0.8f, MathF.Sin(label * 1.26f) * 4);

    private static FieldObject[] Objects()
    {
        var rgba = new byte[32 * 32 * 4];
        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
            {
                bool check = ((x / 8) + (y / 8)) % 2 == 0;
                rgba.AsSpan(((y * 32) + x) * 4, 4).SetValues(check ? [240, 200, 60, 255] : [40, 90, 160, 255]);
            }
        return [new(1, new Vector3(-1.5f, 0.5f, 4), 1.6f, new TileImage(rgba, 32, 32), Envelope: 0.5f), new(2, new Vector3(2.5f, -0.5f, 3), 1f, null)];
    }

    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "golden", "field-scene.png");
}
