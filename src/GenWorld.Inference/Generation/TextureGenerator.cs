using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Tileable textures from a texture-GAN model folder: a spatial latent grid [C, cells, cells] → an RGBA8 tile of
/// cells×16 pixels. The generator is fully convolutional with circular padding, so any grid size gives a tile that wraps.
/// </summary>
public sealed class TextureGenerator
{
    /// <summary>Pixels per latent cell: the generator upsamples ×2 four times.</summary>
    public const int PixelsPerCell = 16;

    private readonly ModelFolder _model;
    private readonly OrtSession _generator;
    private readonly string _inputName;

    /// <summary>Wraps a loaded model folder; it must be a texture GAN with a "generator" part.</summary>
    public TextureGenerator(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Manifest.Kind != ModelKind.TextureGan)
            throw new ArgumentException($"Model '{model.Manifest.Name}' is a {model.Manifest.Kind}, not a texture GAN.", nameof(model));
        _model = model;
        _generator = model.Part("generator");
        _inputName = model.Manifest.Parts.Single(p => p.Name == "generator").Inputs[0].Name;
    }

    /// <summary>Latent channels per cell.</summary>
    public int LatentChannels => _model.Manifest.LatentSize;

    /// <summary>A standard-normal latent grid from a seed: the same seed gives the same tile.</summary>
    public float[] SeededLatent(int seed, int size)
    {
        int cells = CellsFor(size);
        return Core.Numerics.SeededLatent.StandardNormal(seed, LatentChannels * cells * cells);
    }

    /// <summary>Generates a size×size RGBA8 tile (row-major, top row first) off the calling thread.</summary>
    public Task<byte[]> GenerateTextureAsync(float[] latent, int size, CancellationToken cancellationToken = default)
    {
        Validate(latent, size);
        return Task.Run(() => GenerateCore(latent, size, cancellationToken), cancellationToken);
    }

    /// <summary>Generates a tile on the calling thread (for hosts that run generation on a worker of their own).</summary>
    public byte[] Generate(float[] latent, int size)
    {
        Validate(latent, size);
        return GenerateCore(latent, size, CancellationToken.None);
    }

    /// <summary>Latent values a size×size tile needs (channels × cells × cells).</summary>
    public int LatentLength(int size)
    {
        int cells = CellsFor(size);
        return LatentChannels * cells * cells;
    }

    /// <summary>Checks a latent for a tile; throws naming the problem.</summary>
    public void Validate(float[] latent, int size)
    {
        ArgumentNullException.ThrowIfNull(latent);
        int cells = CellsFor(size);
        int expected = LatentChannels * cells * cells;
        if (latent.Length != expected)
            throw new ArgumentException($"A {size}px tile needs a latent of {LatentChannels}×{cells}×{cells} = {expected} values, got {latent.Length}.", nameof(latent));
        int bad = Array.FindIndex(latent, v => !float.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"latent[{bad}] is {latent[bad]}: latents must be finite.", nameof(latent));
    }

    private static int CellsFor(int size)
    {
        if (size < PixelsPerCell || size % PixelsPerCell != 0 || size > 4096)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Tile size must be a multiple of {PixelsPerCell} between {PixelsPerCell} and 4096 pixels.");
        return size / PixelsPerCell;
    }

    private byte[] GenerateCore(float[] latent, int size, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rgba = new byte[size * size * 4];
        GenerateBatch([latent], size, [rgba]);
        return rgba;
    }

    /// <summary>Several tiles of one size in one ORT run (one batch), on the calling thread.</summary>
    public byte[][] GenerateMany(IReadOnlyList<float[]> latents, int size)
    {
        ArgumentNullException.ThrowIfNull(latents);
        foreach (float[] latent in latents) Validate(latent, size);
        byte[][] tiles = [.. latents.Select(_ => new byte[size * size * 4])];
        GenerateBatch([.. latents], size, tiles);
        return tiles;
    }

    /// <summary>Validated latent grids → RGBA8 tiles written into <paramref name="tiles"/> (size×size×4 bytes each), one ORT run.</summary>
    internal void GenerateBatch(ReadOnlySpan<float[]> latents, int size, ReadOnlySpan<byte[]> tiles)
    {
        int cells = size / PixelsPerCell, perTile = LatentChannels * cells * cells;
        var packed = new float[latents.Length * perTile];
        for (int i = 0; i < latents.Length; i++) latents[i].AsSpan().CopyTo(packed.AsSpan(i * perTile, perTile));
        var input = new DenseTensor<float>(packed, [latents.Length, LatentChannels, cells, cells]);
        using var results = _generator.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        Tensor<float> image = results[0].AsTensor<float>();
        if (image.Dimensions[2] != size || image.Dimensions[3] != size)
            throw new InvalidOperationException($"The generator made {image.Dimensions[3]}×{image.Dimensions[2]} from {cells}×{cells} cells; expected {size}×{size}.");
        ReadOnlySpan<float> flat = ((DenseTensor<float>)image).Buffer.Span;
        int plane = size * size;
        for (int n = 0; n < latents.Length; n++)
        {
            ReadOnlySpan<float> rgb = flat.Slice(n * 3 * plane, 3 * plane);
            byte[] rgba = tiles[n];
            for (int p = 0; p < plane; p++)
            {
                for (int c = 0; c < 3; c++) // tanh output in [-1, 1]
                    rgba[p * 4 + c] = (byte)Math.Clamp((int)MathF.Round((rgb[c * plane + p] + 1f) * 127.5f), 0, 255);
                rgba[p * 4 + 3] = 255;
            }
        }
    }
}
