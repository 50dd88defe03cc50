using System.Numerics;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Points;

namespace GenWorld.Benchmarks.Rendering;

/// <summary>What the GL benchmarks share: a headless context (or the reason there is none) and a seeded cloud of points.</summary>
internal static class BenchScene
{
    /// <summary>An EGL surfaceless context; a machine without headless GL makes the benchmark unavailable, with the reason.</summary>
    public static EglSurfacelessContext HeadlessContext(int width, int height)
    {
        try { return new EglSurfacelessContext(width, height); }
        catch (Exception e) when (e is GLContextException or Core.Native.MissingNativeLibraryException)
        {
            throw new BenchmarkUnavailableException($"no headless OpenGL: {e.Message}");
        }
    }

    /// <summary><paramref name="count"/> points in a 24-unit cube (seed 1234), coloured by <paramref name="colour"/>(index, random).</summary>
    public static PointInstance[] RandomPoints(int count, Func<int, Random, Rgba8> colour, float sizeScale = 1f)
    {
        var random = new Random(1234);
        var points = new PointInstance[count];
        for (int i = 0; i < count; i++)
        {
            var position = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 24f;
            Rgba8 c = colour(i, random);
            points[i] = new PointInstance(position, (0.15f + (random.NextSingle() * 0.25f)) * sizeScale, c);
        }
        return points;
    }

    /// <summary>A bright random colour per point (channels 64..255), like a latent field's palette.</summary>
    public static Rgba8 RandomColour(int index, Random random) => new((byte)random.Next(64, 256), (byte)random.Next(64, 256), (byte)random.Next(64, 256));
}
