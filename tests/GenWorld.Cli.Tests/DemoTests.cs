using GenWorld.Cli.Demo;
using GenWorld.Rendering.Imaging;

namespace GenWorld.Cli.Tests;

[Collection("Native")]
public sealed class DemoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Field_snapshot_draws_coloured_points_on_the_fog_background()
    {
        string png = Path.Combine(_dir, "snapshot.png");
        FieldSnapshot.Render(png, count: 5000, width: 320, height: 180);

        var (pixels, width, height) = PngImage.Load(png);
        Assert.Equal((320, 180), (width, height));
        int lit = 0;
        var dominant = new int[3]; // how many lit pixels are mostly red, green, blue: labels get distinct colours
        for (int i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i] + pixels[i + 1] + pixels[i + 2] <= 150) continue;
            lit++;
            int max = Math.Max(pixels[i], Math.Max(pixels[i + 1], pixels[i + 2]));
            dominant[pixels[i] == max ? 0 : pixels[i + 1] == max ? 1 : 2]++;
        }
        double share = (double)lit / (width * height);
        Assert.InRange(share, 0.002, 0.8); // points drawn, but not a filled screen
        Assert.All(dominant, count => Assert.True(count > 0, $"colours by channel: {string.Join('/', dominant)}"));
        Assert.True(pixels[0] + pixels[1] + pixels[2] < 60, "corner should be the dark fog colour");
    }

    [Fact]
    public void Spatial_pass_moves_the_energy_from_left_to_right()
    {
        string wav = Path.Combine(_dir, "pass.wav");
        SpatialSweep.Result r = SpatialSweep.Render(wav, seconds: 1);

        Assert.True(File.Exists(wav));
        Assert.True(r.StartLeft > 1.5 * r.StartRight, $"start L {r.StartLeft} R {r.StartRight}");
        Assert.True(r.EndRight > 1.5 * r.EndLeft, $"end L {r.EndLeft} R {r.EndRight}");
    }
}
