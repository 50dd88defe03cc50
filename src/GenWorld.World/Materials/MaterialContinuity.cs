using GenWorld.Core.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.World.Anchors;

namespace GenWorld.World.Materials;

/// <summary>How much a material changes per unit of sound-latent distance, for one way of choosing materials.</summary>
/// <param name="NearPixelPerUnit">Mean absolute pixel difference (0..1) between the tiles of nearest-neighbour sounds, over their mean sound-latent distance.</param>
/// <param name="NearColourPerUnit">The same with the distance between the tiles' colour statistics (per-channel mean and spread), which ignores where features sit.</param>
/// <param name="NearPixel">Mean pixel difference of nearest-neighbour pairs.</param>
/// <param name="FarPixel">Mean pixel difference of random pairs of sounds: how far apart the field's materials are at all.</param>
public readonly record struct MaterialChange(double NearPixelPerUnit, double NearColourPerUnit, double NearPixel, double FarPixel);

/// <summary>The designed mapping beside unrelated (seeded-by-id) materials over the same pairs of sounds.</summary>
/// <param name="Pairs">Nearest-neighbour pairs measured (and as many random pairs).</param>
/// <param name="MeanNearSoundDistance">Mean sound-latent distance of the nearest-neighbour pairs.</param>
/// <param name="MeanFarSoundDistance">Mean sound-latent distance of the random pairs.</param>
/// <param name="Mapped">Materials from <see cref="MaterialMapping"/>.</param>
/// <param name="Unrelated">Materials from a seed per anchor (what emitters wore before the mapping).</param>
public readonly record struct MaterialContinuityReport(int Pairs, double MeanNearSoundDistance, double MeanFarSoundDistance, MaterialChange Mapped, MaterialChange Unrelated);

/// <summary>
/// Measures "nearby sounds get nearby materials": each of a seeded sample of anchors is paired with its nearest other
/// anchor in sound-latent space, both get tiles from the real texture GAN, and the tiles' difference is divided by the
/// pair's latent distance. Beside it, the same pairs with one seeded latent per anchor (no relation to the sound). A
/// continuous mapping gives near pairs much smaller tile differences than far pairs; an unrelated one gives both the same.
/// </summary>
public static class MaterialContinuity
{
    /// <summary>Runs the measurement with <paramref name="pairs"/> pairs of <paramref name="size"/>-pixel tiles.</summary>
    public static MaterialContinuityReport Measure(AnchorSet anchors, TextureGenerator generator, MaterialMapping mapping, int pairs = 48, int size = 64, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(mapping);
        if (anchors.Count < 3) throw new ArgumentException($"the field has {anchors.Count} anchors; pairs need at least 3.", nameof(anchors));
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var random = new Random(seed);
        var near = new List<(int A, int B)>(pairs);
        var far = new List<(int A, int B)>(pairs);
        for (int i = 0; i < pairs; i++)
        {
            int a = random.Next(anchors.Count);
            near.Add((a, NearestOther(anchors, a)));
            int b = random.Next(anchors.Count - 1);
            far.Add((a, b >= a ? b + 1 : b));
        }
        double nearSound = near.Average(p => Distance(anchors.Latent(p.A), anchors.Latent(p.B)));
        double farSound = far.Average(p => Distance(anchors.Latent(p.A), anchors.Latent(p.B)));
        MaterialChange Change(Func<int, float[]> latentOf)
        {
            (double nearPixel, double nearColour) = TileDistances(generator, near, latentOf, size);
            (double farPixel, _) = TileDistances(generator, far, latentOf, size);
            return new MaterialChange(nearPixel / nearSound, nearColour / nearSound, nearPixel, farPixel);
        }
        return new MaterialContinuityReport(pairs, nearSound, farSound,
            Change(i => mapping.Map(anchors.Latent(i))),
            Change(i => SeededLatent.StandardNormal(i, generator.LatentLength(size))));
    }

    private static (double Pixel, double Colour) TileDistances(TextureGenerator generator, List<(int A, int B)> pairs, Func<int, float[]> latentOf, int size)
    {
        double pixel = 0, colour = 0;
        foreach ((int a, int b) in pairs)
        {
            byte[][] tiles = generator.GenerateMany([latentOf(a), latentOf(b)], size);
            pixel += MeanAbsoluteDifference(tiles[0], tiles[1]);
            colour += Distance(ColourStatistics(tiles[0]), ColourStatistics(tiles[1]));
        }
        return (pixel / pairs.Count, colour / pairs.Count);
    }

    private static int NearestOther(AnchorSet anchors, int index)
    {
        ReadOnlySpan<float> self = anchors.Latent(index);
        int best = -1;
        double bestDistance = double.MaxValue;
        for (int j = 0; j < anchors.Count; j++)
        {
            if (j == index) continue;
            double d = Distance(self, anchors.Latent(j));
            // Duplicates (distance 0) would divide by zero and say nothing about continuity.
            if (d > 1e-9 && d < bestDistance) (best, bestDistance) = (j, d);
        }
        return best >= 0 ? best : (index + 1) % anchors.Count;
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b)
    {
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
            if ((i & 3) != 3) sum += Math.Abs(a[i] - b[i]); // RGB only: alpha is always opaque
        return sum / (a.Length * 0.75 * 255.0);
    }

    /// <summary>Per-channel mean and standard deviation of an RGBA8 tile, in 0..1.</summary>
    private static float[] ColourStatistics(byte[] rgba)
    {
        var stats = new float[6];
        int pixels = rgba.Length / 4;
        for (int c = 0; c < 3; c++)
        {
            double sum = 0, squares = 0;
            for (int p = 0; p < pixels; p++)
            {
                double v = rgba[(p * 4) + c] / 255.0;
                sum += v;
                squares += v * v;
            }
            double mean = sum / pixels;
            stats[c] = (float)mean;
            stats[3 + c] = (float)Math.Sqrt(Math.Max(0, (squares / pixels) - (mean * mean)));
        }
        return stats;
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
