using System.Globalization;

namespace GenWorld.Training.Textures;

/// <summary>Hyper-parameters of the tileable texture GAN. Validate before use; every message names its field.</summary>
public sealed record TextureGanConfig
{
    /// <summary>Each latent cell becomes this many pixels per side (four ×2 upsamplings).</summary>
    public const int CellPixels = 16;

    /// <summary>Latent channels per grid cell.</summary>
    public int LatentChannels { get; init; } = 32;

    /// <summary>
    /// Leading latent channels whose grid mean (rescaled to unit RMS) is fed to every cell as a tile-wide code, so a
    /// tile can pick one colour and material. Checkpoints from before this field read as 0 (no global code).
    /// </summary>
    public int GlobalChannels { get; init; } = 16;

    /// <summary>
    /// Fixed circular binomial blur after each nearest ×2 upsampling, so the 16-px latent-cell edges don't show as
    /// bands and blocks. Checkpoints from before this field read as false (their generator has no blur layers).
    /// </summary>
    public bool UpsampleBlur { get; init; } = true;

    /// <summary>
    /// Channels of the style vector mapped from the global code that modulates every generator block (0 = none).
    /// Checkpoints from before this field read as 0 (their generator has no mapping network or modulation). Off by
    /// default: the shipped model has none (its 946-step trial did not beat it on every figure; see the README).
    /// </summary>
    public int StyleChannels { get; init; }

    /// <summary>
    /// Weight of the mode-seeking term (MSGAN, Mao et al. 2019): the generator is also asked to keep tiles from two
    /// different latents apart, 1 / (mean |G(z1) − G(z2)| / mean |z1 − z2|). 0 = off (the default and older checkpoints;
    /// 0.05 was tried with the style modulation).
    /// </summary>
    public double ModeSeeking { get; init; }

    /// <summary>
    /// Steps at the start of a run that train only the discriminator: a generator warm-started from an exported model
    /// (whose discriminator was never saved) meets an untrained discriminator, and its first, near-random gradients
    /// pulled the good generator into blobs within 100 steps. 0 = none (older checkpoints).
    /// </summary>
    public int DiscriminatorWarmup { get; init; }

    /// <summary>Training tile side in pixels (a multiple of 16; 64 means a 4×4 latent grid).</summary>
    public int TileSize { get; init; } = 64;

    /// <summary>Generator channels after the stem; halved at each of the four upsamplings.</summary>
    public int GeneratorChannels { get; init; } = 256;

    /// <summary>Discriminator channels of the first layer; doubled at each of the four downsamplings.</summary>
    public int DiscriminatorChannels { get; init; } = 32;

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate of both networks.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>R1 weight γ.</summary>
    public double R1Gamma { get; init; } = 1.0;

    /// <summary>Apply R1 every this many steps (lazy regularisation, scaled up by the same factor).</summary>
    public int R1Every { get; init; } = 4;

    /// <summary>EMA decay of the exported generator.</summary>
    public double EmaDecay { get; init; } = 0.999;

    /// <summary>Latent grid side for a tile of <see cref="TileSize"/>.</summary>
    public int LatentGrid => TileSize / CellPixels;

    /// <summary>Problems, each naming its field; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LatentChannels < 1) errors.Add($"latentChannels: must be >= 1, got {LatentChannels}.");
        if (GlobalChannels < 0 || GlobalChannels > LatentChannels) errors.Add($"globalChannels: must be in [0, latentChannels = {LatentChannels}], got {GlobalChannels}.");
        if (StyleChannels < 0 || (StyleChannels > 0 && GlobalChannels == 0)) errors.Add($"styleChannels: must be >= 0, and 0 without a global code (globalChannels = 0), got {StyleChannels}.");
        if (DiscriminatorWarmup < 0) errors.Add($"discriminatorWarmup: must be >= 0, got {DiscriminatorWarmup}.");
        if (!(ModeSeeking >= 0)) errors.Add($"modeSeeking: must be >= 0, got {ModeSeeking}.");
        if (TileSize < CellPixels || TileSize % CellPixels != 0) errors.Add($"tileSize: must be a positive multiple of {CellPixels}, got {TileSize}.");
        if (GeneratorChannels < 16 || GeneratorChannels % 16 != 0) errors.Add($"generatorChannels: must be a multiple of 16 (halved four times), got {GeneratorChannels}.");
        if (DiscriminatorChannels < 1) errors.Add($"discriminatorChannels: must be >= 1, got {DiscriminatorChannels}.");
        if (BatchSize < 2) errors.Add($"batchSize: must be >= 2 (minibatch-std needs a batch), got {BatchSize}.");
        if (!(LearningRate > 0 && LearningRate < 1)) errors.Add($"learningRate: must be in (0, 1), got {LearningRate}.");
        if (!(R1Gamma >= 0)) errors.Add($"r1Gamma: must be >= 0, got {R1Gamma}.");
        if (R1Every < 1) errors.Add($"r1Every: must be >= 1, got {R1Every}.");
        if (!(EmaDecay >= 0 && EmaDecay < 1)) errors.Add($"emaDecay: must be in [0, 1), got {EmaDecay}.");
        return errors;
    }

    /// <summary>The config as strings for checkpoints (resume refuses a different one) and report.json.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["latentChannels"] = Str(LatentChannels),
        ["globalChannels"] = Str(GlobalChannels),
        ["upsampleBlur"] = UpsampleBlur ? "true" : "false",
        ["styleChannels"] = Str(StyleChannels),
        ["modeSeeking"] = Str(ModeSeeking),
        ["discriminatorWarmup"] = Str(DiscriminatorWarmup),
        ["tileSize"] = Str(TileSize),
        ["generatorChannels"] = Str(GeneratorChannels),
        ["discriminatorChannels"] = Str(DiscriminatorChannels),
        ["batchSize"] = Str(BatchSize),
        ["learningRate"] = Str(LearningRate),
        ["r1Gamma"] = Str(R1Gamma),
        ["r1Every"] = Str(R1Every),
        ["emaDecay"] = Str(EmaDecay),
    };

    /// <summary>
    /// Reads a config written by <see cref="ToDictionary"/> (e.g. from a checkpoint); unknown keys are ignored, missing
    /// ones take the defaults, except globalChannels, upsampleBlur, styleChannels and modeSeeking: a config without them
    /// predates that feature, so they read as 0 (or false).
    /// </summary>
    public static TextureGanConfig FromDictionary(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var d = new TextureGanConfig();
        int Int(string key, int fallback) => values.TryGetValue(key, out string? v) ? Parse(key, v, int.Parse) : fallback;
        double Dbl(string key, double fallback) => values.TryGetValue(key, out string? v) ? Parse(key, v, double.Parse) : fallback;
        bool blur = values.TryGetValue("upsampleBlur", out string? b) && Parse("upsampleBlur", b, (v, _) => bool.Parse(v));
        return new TextureGanConfig
        {
            UpsampleBlur = blur, StyleChannels = Int("styleChannels", 0), ModeSeeking = Dbl("modeSeeking", 0),
            DiscriminatorWarmup = Int("discriminatorWarmup", 0),
            LatentChannels = Int("latentChannels", d.LatentChannels), GlobalChannels = Int("globalChannels", 0), TileSize = Int("tileSize", d.TileSize),
            GeneratorChannels = Int("generatorChannels", d.GeneratorChannels), DiscriminatorChannels = Int("discriminatorChannels", d.DiscriminatorChannels),
            BatchSize = Int("batchSize", d.BatchSize), LearningRate = Dbl("learningRate", d.LearningRate), R1Gamma = Dbl("r1Gamma", d.R1Gamma),
            R1Every = Int("r1Every", d.R1Every), EmaDecay = Dbl("emaDecay", d.EmaDecay),
        };
    }

    private static T Parse<T>(string key, string value, Func<string, IFormatProvider, T> parse)
    {
        try { return parse(value, CultureInfo.InvariantCulture); }
        catch (FormatException e) { throw new InvalidDataException($"{key}: '{value}' is not a valid value.", e); }
    }

    private static string Str(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
