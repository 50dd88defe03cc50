using System.Globalization;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Shape and optimisation settings of the conditional sound GAN. The condition is a pitch one-hot over
/// [PitchMin, PitchMin + PitchClasses) and a label one-hot over <see cref="LabelNames"/> (the instrument family for
/// notes); either may be empty. Validate before use; every message names its field.
/// </summary>
public sealed record SoundGanConfig
{
    /// <summary>
    /// Which generator: <see cref="SoundGeneratorKind.Harmonic"/> (learned harmonic + noise envelopes rendered at the
    /// requested pitch; needs pitch conditioning) or <see cref="SoundGeneratorKind.Spectrogram"/> (free-form
    /// transposed convolutions that draw the whole log-magnitude + IF image). <see cref="SoundGeneratorKind.Auto"/>
    /// is resolved by <see cref="SoundGan.ConfigFor"/>: harmonic when the dataset is pitched.
    /// </summary>
    public SoundGeneratorKind Generator { get; init; } = SoundGeneratorKind.Auto;

    /// <summary>Harmonics the harmonic generator controls (those above Nyquist for a pitch are silent).</summary>
    public int Harmonics { get; init; } = 64;

    /// <summary>Mel-spaced noise bands of the harmonic generator.</summary>
    public int NoiseBands { get; init; } = 32;

    /// <summary>STFT hop of the representation in samples (the harmonic renderer's phase advance depends on it).</summary>
    public int Hop { get; init; } = 128;

    /// <summary>Sample rate of the representation in Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Spectrogram frames (time); must be divisible by 32.</summary>
    public int Frames { get; init; } = 128;

    /// <summary>Spectrogram bins (frequency); must be divisible by 32.</summary>
    public int Bins { get; init; } = 256;

    /// <summary>Noise values before the condition.</summary>
    public int LatentSize { get; init; } = 64;

    /// <summary>Lowest MIDI pitch of the one-hot.</summary>
    public int PitchMin { get; init; }

    /// <summary>Width of the pitch one-hot (0: not pitch-conditioned).</summary>
    public int PitchClasses { get; init; }

    /// <summary>Label names in one-hot order (empty: no label conditioning).</summary>
    public IReadOnlyList<string> LabelNames { get; init; } = [];

    /// <summary>Dataset label the one-hot is built from.</summary>
    public string LabelKey { get; init; } = "family";

    /// <summary>Generator channels at the smallest (Frames/32 × Bins/32) map; halved at each of five ×2 upsamplings.</summary>
    public int GeneratorChannels { get; init; } = 256;

    /// <summary>Discriminator channels of the first layer; doubled at each of five stride-2 convolutions.</summary>
    public int DiscriminatorChannels { get; init; } = 8;

    /// <summary>Clips per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate of both networks.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>R1 weight γ.</summary>
    public double R1Gamma { get; init; } = 1.0;

    /// <summary>Apply R1 every this many steps (lazy regularisation, scaled up by the same factor).</summary>
    public int R1Every { get; init; } = 8;

    /// <summary>Weight of the auxiliary pitch-classification loss (AC-GAN, as GANSynth) for both networks.</summary>
    public double PitchLossWeight { get; init; } = 1.0;

    /// <summary>EMA decay of the exported generator.</summary>
    public double EmaDecay { get; init; } = 0.999;

    /// <summary>Width of the condition one-hots together.</summary>
    public int ConditionSize => PitchClasses + LabelNames.Count;

    /// <summary>Width of the generator input: [z | pitch one-hot | label one-hot].</summary>
    public int GeneratorInputSize => LatentSize + ConditionSize;

    /// <summary>Problems, each naming its field; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (Harmonics is < 1 or > 512) e.Add($"harmonics: must be 1..512, got {Harmonics}.");
        if (NoiseBands is < 1 or > 256) e.Add($"noiseBands: must be 1..256, got {NoiseBands}.");
        if (Hop < 1 || SampleRate < 1) e.Add($"hop/sampleRate: must be positive, got {Hop} and {SampleRate}.");
        if (Frames < 32 || Frames % 32 != 0 || Bins < 32 || Bins % 32 != 0) e.Add($"frames/bins: {Frames}×{Bins} must be positive multiples of 32 (five ×2 upsamplings).");
        if (LatentSize is < 1 or > 1024) e.Add($"latentSize: must be 1..1024, got {LatentSize}.");
        if (PitchClasses < 0 || PitchMin < 0 || PitchMin + PitchClasses > 128) e.Add($"pitch: [{PitchMin}, {PitchMin + PitchClasses}) is not within MIDI 0..127.");
        if (LabelNames.Any(string.IsNullOrWhiteSpace) || LabelNames.Distinct(StringComparer.Ordinal).Count() != LabelNames.Count) e.Add("labelNames: must be distinct and non-empty.");
        if (LabelNames.Any(n => n.Contains(',', StringComparison.Ordinal))) e.Add("labelNames: must not contain commas.");
        if (GeneratorChannels < 32 || GeneratorChannels % 32 != 0) e.Add($"generatorChannels: must be a multiple of 32 (halved five times), got {GeneratorChannels}.");
        if (DiscriminatorChannels < 1) e.Add($"discriminatorChannels: must be >= 1, got {DiscriminatorChannels}.");
        if (BatchSize < 2) e.Add($"batchSize: must be >= 2 (minibatch-std needs a batch), got {BatchSize}.");
        if (!(LearningRate > 0 && LearningRate < 1)) e.Add($"learningRate: must be in (0, 1), got {LearningRate}.");
        if (!(R1Gamma >= 0)) e.Add($"r1Gamma: must be >= 0, got {R1Gamma}.");
        if (R1Every < 1) e.Add($"r1Every: must be >= 1, got {R1Every}.");
        if (!(PitchLossWeight >= 0)) e.Add($"pitchLossWeight: must be >= 0, got {PitchLossWeight}.");
        if (!(EmaDecay >= 0 && EmaDecay < 1)) e.Add($"emaDecay: must be in [0, 1), got {EmaDecay}.");
        return e;
    }

    /// <summary>As strings, for checkpoints (resume refuses a different config) and report.json.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["generator"] = Generator.ToString().ToLowerInvariant(), ["harmonics"] = Str(Harmonics), ["noiseBands"] = Str(NoiseBands),
        ["hop"] = Str(Hop), ["sampleRate"] = Str(SampleRate),
        ["frames"] = Str(Frames), ["bins"] = Str(Bins), ["latentSize"] = Str(LatentSize),
        ["pitchMin"] = Str(PitchMin), ["pitchClasses"] = Str(PitchClasses),
        ["labelKey"] = LabelKey, ["labelNames"] = string.Join(",", LabelNames),
        ["generatorChannels"] = Str(GeneratorChannels), ["discriminatorChannels"] = Str(DiscriminatorChannels),
        ["batchSize"] = Str(BatchSize), ["learningRate"] = Str(LearningRate), ["r1Gamma"] = Str(R1Gamma),
        ["r1Every"] = Str(R1Every), ["pitchLossWeight"] = Str(PitchLossWeight), ["emaDecay"] = Str(EmaDecay),
    };

    /// <summary>Reads back <see cref="ToDictionary"/>; a missing or malformed field is named.</summary>
    public static SoundGanConfig FromDictionary(IReadOnlyDictionary<string, string> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string Get(string key) => c.TryGetValue(key, out string? v) ? v : throw new InvalidDataException($"sound-gan config: '{key}' is missing.");
        int Int(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : throw new InvalidDataException($"sound-gan config: '{key}' is not an integer.");
        double Dbl(string key) => double.TryParse(Get(key), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : throw new InvalidDataException($"sound-gan config: '{key}' is not a number.");
        string names = Get("labelNames");
        // Keys added with the harmonic generator: checkpoints written before it are spectrogram GANs at 16 kHz, hop 128.
        string generator = c.GetValueOrDefault("generator", "spectrogram");
        if (!Enum.TryParse(generator, ignoreCase: true, out SoundGeneratorKind kind)) throw new InvalidDataException($"sound-gan config: generator '{generator}' is not harmonic or spectrogram.");
        int Optional(string key, int fallback) => c.ContainsKey(key) ? Int(key) : fallback;
        return new SoundGanConfig
        {
            Generator = kind, Harmonics = Optional("harmonics", 64), NoiseBands = Optional("noiseBands", 32),
            Hop = Optional("hop", 128), SampleRate = Optional("sampleRate", 16000),
            Frames = Int("frames"), Bins = Int("bins"), LatentSize = Int("latentSize"), PitchMin = Int("pitchMin"), PitchClasses = Int("pitchClasses"),
            LabelKey = Get("labelKey"), LabelNames = names.Length == 0 ? [] : names.Split(','),
            GeneratorChannels = Int("generatorChannels"), DiscriminatorChannels = Int("discriminatorChannels"), BatchSize = Int("batchSize"),
            LearningRate = Dbl("learningRate"), R1Gamma = Dbl("r1Gamma"), R1Every = Int("r1Every"), PitchLossWeight = Dbl("pitchLossWeight"), EmaDecay = Dbl("emaDecay"),
        };
    }

    private static string Str(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
