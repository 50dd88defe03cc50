namespace GenWorld.Inference.Synthesis;

/// <summary>
/// A fixed table of standard-normal draws and a keyed way to read windows of it: the runtime synthesiser's noise.
/// Drawing fresh Box–Muller pairs for ~400,000 bins per clip would cost more than the rest of the synthesis; a window at
/// a hashed offset per (seed, frame) is as white to the ear, and the same seed always gives the same sound, so a recipe
/// regenerates its file byte for byte and a streamed voice matches a whole-clip render.
/// </summary>
public static class GaussianTable
{
    private const int Size = 1 << 17;
    private static readonly float[] Values = Build();

    /// <summary><paramref name="count"/> draws for frame <paramref name="frame"/> of the sound keyed by <paramref name="seed"/>.</summary>
    public static ReadOnlySpan<float> Window(ulong seed, long frame, int count)
    {
        if (count is < 1 or > Size / 2) throw new ArgumentOutOfRangeException(nameof(count), count, $"at most {Size / 2} draws per window.");
        ulong h = Mix(seed ^ Mix((ulong)frame + 0x9E3779B97F4A7C15UL));
        return Values.AsSpan((int)(h % (ulong)(Size - count)), count);
    }

    /// <summary>SplitMix64's finaliser: a well-spread 64-bit hash.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static float[] Build()
    {
        var values = new float[Size];
        ulong state = 0x5DEECE66DUL;
        for (int i = 0; i < Size; i += 2)
        {
            // Box–Muller on two uniforms in (0, 1].
            state = Mix(state + 1);
            double u1 = ((state >> 11) + 1) * (1.0 / (1UL << 53));
            state = Mix(state + 1);
            double u2 = (state >> 11) * (1.0 / (1UL << 53));
            double r = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = (float)(r * Math.Cos(2 * Math.PI * u2));
            values[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2));
        }
        return values;
    }
}
