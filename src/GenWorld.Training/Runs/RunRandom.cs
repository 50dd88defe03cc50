namespace GenWorld.Training.Runs;

/// <summary>
/// The run's own random generator (SplitMix64) for batch order, noise draws on the C# side and previews.
/// Unlike <see cref="Random"/> its whole state is one number, so checkpoints can save and restore it exactly.
/// </summary>
public sealed class RunRandom
{
    private ulong _state;

    /// <summary>Starts from a seed.</summary>
    public RunRandom(long seed) => _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

    /// <summary>The full generator state (save it in a checkpoint).</summary>
    public ulong State { get => _state; set => _state = value; }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A random permutation of 0..count-1 (Fisher–Yates).</summary>
    public int[] Permutation(int count)
    {
        int[] p = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
