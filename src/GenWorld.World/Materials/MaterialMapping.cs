using GenWorld.Core.Numerics;

namespace GenWorld.World.Materials;

/// <summary>
/// One coordinate for sound and look: a fixed linear map from the field's sound latent to the texture GAN's latent grid,
/// so a sound's material is a function of the sound itself (not of an id or a seed) and nearby sounds wear nearby
/// materials. The sound latent is centred on the field's mean and divided by its spread (RMS standard deviation over
/// the latent's dimensions), then sent through a seeded random matrix with orthonormal columns into the texture's
/// channels, the same value in every cell: the sound chooses the tile's look as a whole. A fixed seeded grid, the same
/// for every sound, adds the spatial detail (the layout within the tile), with <see cref="DefaultDetail"/> of the
/// prior's spread, so the two together have the unit spread the GAN was trained on. Orthonormal columns make the map
/// an exact scaled isometry: texture-latent distance = <see cref="Gain"/> × sound-latent distance for every pair, so a
/// straight walk through sound is a straight walk through materials, and no two different sounds share a material.
/// </summary>
public sealed class MaterialMapping
{
    /// <summary>The seed of the shipped mapping (any fixed seed works; changing it re-dresses every sound).</summary>
    public const int DefaultSeed = 20;

    private readonly float[] _centre;
    private readonly float[] _basis; // texture channels × SoundLatentSize, orthonormal columns × scale
    private readonly float[] _detail; // the shared spatial detail grid, × the detail share

    /// <summary>
    /// Fits the centre and spread to <paramref name="soundLatents"/> (rows of <paramref name="soundLatentSize"/>) and
    /// draws the projection to <paramref name="textureChannels"/> channels over <paramref name="cells"/>×<paramref name="cells"/>
    /// cells, with <paramref name="detail"/> of the spread left to the shared detail grid, from <paramref name="seed"/>.
    /// </summary>
    public MaterialMapping(ReadOnlySpan<float> soundLatents, int soundLatentSize, int textureChannels, int cells, float detail = DefaultDetail, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        if (!(detail is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(detail), detail, "the detail share must be in [0, 1).");
        int textureLatentLength = textureChannels * cells * cells;
        if (soundLatentSize < 1 || soundLatents.Length == 0 || soundLatents.Length % soundLatentSize != 0)
            throw new ArgumentException($"sound latents ({soundLatents.Length} values) are not a whole number of rows of {soundLatentSize}.", nameof(soundLatents));
        if (textureChannels < soundLatentSize)
            throw new ArgumentOutOfRangeException(nameof(textureChannels), textureChannels,
                $"the texture latent must have at least as many channels as the sound latent has values ({soundLatentSize}) for a one-to-one map.");
        Cells = cells;
        SoundLatentSize = soundLatentSize;
        TextureLatentLength = textureLatentLength;
        (double[] mean, double spread) = CentreAndSpread(soundLatents, soundLatentSize);
        _centre = [.. mean.Select(v => (float)v)];
        // sqrt(L/d): with orthonormal columns each output value carries 1/L of the input's squared length, so a
        // unit-spread input (squared length ≈ d) gives outputs of unit variance, the prior the GAN was trained on.
        double scale = Math.Sqrt((double)textureChannels / soundLatentSize * (1 - (detail * detail))) / spread;
        Gain = (float)(scale * cells);
        _basis = OrthonormalColumns(textureChannels, soundLatentSize, seed, scale);
        _detail = SeededLatent.StandardNormal(seed + 1, textureLatentLength);
        for (int i = 0; i < _detail.Length; i++) _detail[i] *= detail;
    }

    /// <summary>Values in a sound latent.</summary>
    public int SoundLatentSize { get; }

    /// <summary>The share of the texture prior's spread given to a fixed spatial detail grid shared by every sound.</summary>
    public const float DefaultDetail = 0.5f;

    /// <summary>Latent cells along each side of the tile's grid.</summary>
    public int Cells { get; }

    /// <summary>Values in the texture latent grid it maps to (channels × cells × cells of one tile size).</summary>
    public int TextureLatentLength { get; }

    /// <summary>Texture-latent distance per unit of sound-latent distance (the same for every pair: the map is a scaled isometry).</summary>
    public float Gain { get; }

    /// <summary>The texture latent grid for <paramref name="soundLatent"/>.</summary>
    public float[] Map(ReadOnlySpan<float> soundLatent)
    {
        if (soundLatent.Length != SoundLatentSize)
            throw new ArgumentException($"sound latent has {soundLatent.Length} values; the mapping takes {SoundLatentSize}.", nameof(soundLatent));
        Span<float> centred = stackalloc float[SoundLatentSize];
        for (int c = 0; c < centred.Length; c++) centred[c] = soundLatent[c] - _centre[c];
        var texture = (float[])_detail.Clone();
        int perChannel = Cells * Cells;
        for (int channel = 0; channel < texture.Length / perChannel; channel++)
        {
            ReadOnlySpan<float> row = _basis.AsSpan(channel * SoundLatentSize, SoundLatentSize);
            float sum = 0;
            for (int c = 0; c < row.Length; c++) sum += row[c] * centred[c];
            // The sound's part is the same in every cell: it sets the tile's look as a whole, the detail grid its layout.
            for (int cell = 0; cell < perChannel; cell++) texture[(channel * perChannel) + cell] += sum;
        }
        return texture;
    }

    private static (double[] Mean, double Spread) CentreAndSpread(ReadOnlySpan<float> latents, int width)
    {
        int n = latents.Length / width;
        var mean = new double[width];
        for (int i = 0; i < latents.Length; i++) mean[i % width] += latents[i];
        for (int c = 0; c < width; c++) mean[c] /= n;
        double squares = 0;
        for (int i = 0; i < latents.Length; i++)
        {
            double d = latents[i] - mean[i % width];
            squares += d * d;
        }
        double spread = Math.Sqrt(squares / latents.Length);
        // A single anchor (or identical ones) has no spread; any scale is then as good as another.
        return (mean, spread > 1e-9 ? spread : 1.0);
    }

    /// <summary>A rows × columns matrix (row-major) with orthonormal columns times <paramref name="scale"/>: Gram–Schmidt on seeded normals.</summary>
    private static float[] OrthonormalColumns(int rows, int columns, int seed, double scale)
    {
        float[] normals = SeededLatent.StandardNormal(seed, rows * columns);
        var q = new double[columns][];
        for (int c = 0; c < columns; c++)
        {
            var v = new double[rows];
            for (int r = 0; r < rows; r++) v[r] = normals[(r * columns) + c];
            // Twice (re-orthogonalisation) so float-rounding leaves the columns orthogonal to 1e-15, not 1e-8.
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < c; k++)
                {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) dot += v[r] * q[k][r];
                    for (int r = 0; r < rows; r++) v[r] -= dot * q[k][r];
                }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int r = 0; r < rows; r++) v[r] /= norm;
            q[c] = v;
        }
        var basis = new float[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) basis[(r * columns) + c] = (float)(q[c][r] * scale);
        return basis;
    }
}
