using GenWorld.Training.Textures;
using SkiaSharp;

namespace GenWorld.Training.Tests.Textures;

/// <summary>
/// Small texture tiles for training tests, written as real PNG files so the whole path (decode, crop, train) runs.
/// Until content/fixtures/textures is merged they are procedural: coloured wood-like stripes plus grain, deliberately
/// not tileable (a real photo crop is not either).
/// </summary>
internal static class TextureFixtures
{
    public static TextureGanConfig TinyConfig => new()
    {
        LatentChannels = 8, TileSize = 32, GeneratorChannels = 16, DiscriminatorChannels = 4, BatchSize = 8,
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
