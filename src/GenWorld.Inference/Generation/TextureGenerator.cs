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

    private void Validate(float[] latent, int size)
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
        int cells = size / PixelsPerCell;
        var input = new DenseTensor<float>(latent, [1, LatentChannels, cells, cells]);
        using var results = _generator.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        Tensor<float> image = results[0].AsTensor<float>();
        if (image.Dimensions[2] != size || image.Dimensions[3] != size)
            throw new InvalidOperationException($"The generator made {image.Dimensions[3]}×{image.Dimensions[2]} from {cells}×{cells} cells; expected {size}×{size}.");
        var rgba = new byte[size * size * 4];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int o = ((y * size) + x) * 4;
                for (int c = 0; c < 3; c++) // tanh output in [-1, 1]
                    rgba[o + c] = (byte)Math.Clamp((int)MathF.Round((image[0, c, y, x] + 1f) * 127.5f), 0, 255);
                rgba[o + 3] = 255;
            }
        return rgba;
    }
}
