namespace GenWorld.Core.Numerics;

/// <summary>
/// Standard-normal latent vectors from a seed (Box–Muller on <see cref="Random"/>): the one definition every "same seed,
/// same output" recipe relies on, so a seed written by one tool regenerates the same content in another.
/// </summary>
public static class SeededLatent
{
    /// <summary><paramref name="length"/> independent N(0, 1) values drawn from <c>new Random(seed)</c>.</summary>
    public static float[] StandardNormal(int seed, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return values;
    }
}
