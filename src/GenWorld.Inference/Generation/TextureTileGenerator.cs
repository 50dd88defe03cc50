using System.Runtime.InteropServices;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A texture model at one tile size as a scheduler generator. Rows are finished RGBA8 tiles: one float per pixel whose
/// four bytes ARE the pixel's R, G, B, A (bit-for-bit; the scheduler and its cache only copy rows, never compute on them),
/// so the cache holds 4 bytes per pixel rather than 16.
/// </summary>
internal sealed class TextureTileGenerator : Scheduling.IBatchGenerator
{
    private readonly SharedModelFolder _shared;
    private readonly TextureGenerator _generator;
    private readonly int _size;

    public TextureTileGenerator(SharedModelFolder shared, int size, string version)
    {
        shared.Acquire();
        _shared = shared;
        _generator = new TextureGenerator(shared.Model);
        _size = size;
        LatentSize = _generator.LatentLength(size);
        Version = version;
    }

    public int LatentSize { get; }

    public int ConditioningSize => 0;

    public int OutputLength => _size * _size;

    public string Version { get; }

    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        var tiles = new byte[latents.Length][];
        for (int i = 0; i < tiles.Length; i++) tiles[i] = new byte[_size * _size * 4];
        _generator.GenerateBatch(latents, _size, tiles);
        return [.. tiles.Select(t => MemoryMarshal.Cast<byte, float>(t).ToArray())];
    }

    /// <summary>The RGBA8 bytes a row carries.</summary>
    public static byte[] Unpack(float[] row) => MemoryMarshal.AsBytes(row.AsSpan()).ToArray();

    public void Dispose() => _shared.Release();
}
