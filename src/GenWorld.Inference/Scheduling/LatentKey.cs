namespace GenWorld.Inference.Scheduling;

/// <summary>
/// A latent and its conditioning rounded to a grid: requests that land in the same cell share one computation
/// and one cache entry, and the generator is fed the cell's centre so the result does not depend on who asked first.
/// </summary>
internal sealed class LatentKey : IEquatable<LatentKey>
{
    private readonly int[] _cells;
    private readonly int _latentSize;
    private readonly int _hash;

    private LatentKey(int[] cells, int latentSize)
    {
        _cells = cells;
        _latentSize = latentSize;
        var hash = new HashCode();
        foreach (int c in cells) hash.Add(c);
        _hash = hash.ToHashCode();
    }

    /// <summary>Rounds the (already validated) inputs to multiples of <paramref name="step"/>.</summary>
    public static LatentKey Quantise(ReadOnlySpan<float> latent, ReadOnlySpan<float> conditioning, float step)
    {
        var cells = new int[latent.Length + conditioning.Length];
        for (int i = 0; i < latent.Length; i++) cells[i] = (int)MathF.Round(latent[i] / step);
        for (int i = 0; i < conditioning.Length; i++) cells[latent.Length + i] = (int)MathF.Round(conditioning[i] / step);
        return new LatentKey(cells, latent.Length);
    }

    /// <summary>Approximate memory held by the key, for the cache's byte budget.</summary>
    public int Bytes => 48 + _cells.Length * sizeof(int);

    /// <summary>The cell centre of the latent part.</summary>
    public float[] Latent(float step) => _cells.AsSpan(0, _latentSize).ToArray().Select(c => c * step).ToArray();

    /// <summary>The cell centre of the conditioning part (empty for unconditional models).</summary>
    public float[] Conditioning(float step) => _cells.AsSpan(_latentSize).ToArray().Select(c => c * step).ToArray();

    public bool Equals(LatentKey? other) => other is not null && other._hash == _hash && other._cells.AsSpan().SequenceEqual(_cells);

    public override bool Equals(object? obj) => Equals(obj as LatentKey);

    public override int GetHashCode() => _hash;
}
