using GenWorld.Training.Textures;
using SkiaSharp;

namespace GenWorld.Training.Tests.Textures;

/// <summary>
/// Texture tiles for tests: the real fixture dataset (content/fixtures/textures: 64×64 crops of GIMP and Minetest
/// textures) for training, and small procedural PNGs (stripes plus grain) where a test needs to shape the files.
/// </summary>
internal static class TextureFixtures
{
    /// <summary>The built fixture dataset's folder.</summary>
    public static string RealDataset
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "content", "fixtures", "textures")))
                dir = dir.Parent;
            return dir is null
                ? throw new DirectoryNotFoundException("content/fixtures/textures not found above the test binaries")
                : Path.Combine(dir.FullName, "content", "fixtures", "textures");
        }
    }

    /// <summary>The fixture dataset's PNG tiles.</summary>
    public static string RealTiles => Path.Combine(RealDataset, "tiles");

    public static TextureGanConfig TinyConfig => new()
    {
        LatentChannels = 8, GlobalChannels = 4, TileSize = 32, GeneratorChannels = 16, DiscriminatorChannels = 4, BatchSize = 8,
        LearningRate = 1e-3, R1Every = 2, EmaDecay = 0.9,
    };

    public static string WriteTiles(string dir, int count = 6, int size = 48, int seed = 1)
    {
        Directory.CreateDirectory(dir);
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);
            double angle = random.NextDouble() * Math.PI, frequency = 0.15 + 0.2 * random.NextDouble();
            (double r, double g, double b) = (0.3 + 0.5 * random.NextDouble(), 0.2 + 0.4 * random.NextDouble(), 0.1 + 0.3 * random.NextDouble());
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    double along = x * Math.Cos(angle) + y * Math.Sin(angle);
                    double v = 0.6 + 0.3 * Math.Sin(frequency * along + 0.02 * x * y) + 0.1 * random.NextDouble();
                    bitmap.SetPixel(x, y, new SKColor(Byte(r * v), Byte(g * v), Byte(b * v)));
                }
            }
            using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(dir, $"tile{i:D2}.png"), png.ToArray());
        }
        return dir;
    }

    private static byte Byte(double v) => (byte)Math.Clamp(Math.Round(v * 255), 0, 255);
}
