using System.Globalization;

namespace GenWorld.Training.Synth;

/// <summary>
/// Shape of the full-band harmonic-plus-noise synthesis decoder shared by the sound VAE and the conditional sound GAN.
/// Audio at <see cref="SampleRate"/>; controls at one frame per <see cref="Hop"/> samples (125 frames/s at 384);
/// <see cref="Harmonics"/> = 0 makes an unpitched decoder (sound effects: noise and body only).
/// </summary>
public sealed record SynthConfig
{
    /// <summary>Output rate in Hz.</summary>
    public int SampleRate { get; init; } = 48000;

    /// <summary>Samples between control frames.</summary>
    public int Hop { get; init; } = 384;

    /// <summary>Control frames per clip (a multiple of 8); the clip is Frames·Hop samples.</summary>
    public int Frames { get; init; } = 256;

    /// <summary>Partials of the oscillator bank (0: unpitched).</summary>
    public int Harmonics { get; init; } = 96;

    /// <summary>Mel-spaced bands of the filtered-noise path.</summary>
    public int NoiseBands { get; init; } = 64;

    /// <summary>FFT size of the filtered-noise overlap-add (hop = a quarter of it).</summary>
    public int NoiseFftSize { get; init; } = 1024;

    /// <summary>Taps of the learned body/room impulse response.</summary>
    public int ImpulseLength { get; init; } = 2048;

    /// <summary>Width of the control network.</summary>
    public int Channels { get; init; } = 128;

    /// <summary>Size of the vector the control network reads (latent + conditioning).</summary>
    public int InputSize { get; init; } = 16;

    /// <summary>
    /// Peak every training clip is scaled to (0: each at its recorded level). The loss's log floor is absolute, so at
    /// recorded levels it let a hiss 70 dB under a quiet note through; the player normalises loudness anyway.
    /// </summary>
    public float InputPeak { get; init; } = 0.5f;

    /// <summary>Samples per clip.</summary>
    public int ClipLength => Frames * Hop;

    /// <summary>Control values per frame: harmonic amplitudes, then noise band magnitudes.</summary>
    public int ControlsPerFrame => Harmonics + NoiseBands;

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (SampleRate is < 8000 or > 192000) e.Add($"sampleRate: {SampleRate} Hz is outside 8000..192000.");
        if (Hop is < 16 or > 4096) e.Add($"hop: {Hop} is outside 16..4096.");
        if (Frames is < 8 or > 4096 || Frames % 8 != 0) e.Add($"frames: {Frames} must be a multiple of 8 in 8..4096.");
        if (Harmonics is < 0 or > 512) e.Add($"harmonics: {Harmonics} is outside 0..512.");
        if (NoiseBands is < 1 or > 512) e.Add($"noiseBands: {NoiseBands} is outside 1..512.");
        if (NoiseFftSize is < 64 or > 8192 || (NoiseFftSize & (NoiseFftSize - 1)) != 0) e.Add($"noiseFftSize: {NoiseFftSize} must be a power of two in 64..8192.");
        if (ImpulseLength is < 1 or > 96000) e.Add($"impulseLength: {ImpulseLength} is outside 1..96000.");
        if (Channels is < 8 or > 1024 || Channels % 2 != 0) e.Add($"channels: {Channels} must be even, 8..1024.");
        if (!(InputPeak is >= 0 and <= 1)) e.Add($"inputPeak: {InputPeak} is outside 0..1.");
        if (InputSize is < 1 or > 4096) e.Add($"inputSize: {InputSize} is outside 1..4096.");
        return e;
    }

    /// <summary>As strings, for checkpoint sidecars and manifests.</summary>
    public Dictionary<string, string> ToConfig() => new()
    {
        ["synth.sampleRate"] = S(SampleRate), ["synth.hop"] = S(Hop), ["synth.frames"] = S(Frames), ["synth.harmonics"] = S(Harmonics),
        ["synth.noiseBands"] = S(NoiseBands), ["synth.noiseFftSize"] = S(NoiseFftSize), ["synth.impulseLength"] = S(ImpulseLength),
        ["synth.channels"] = S(Channels), ["synth.inputSize"] = S(InputSize), ["synth.inputPeak"] = InputPeak.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads back <see cref="ToConfig"/>.</summary>
    public static SynthConfig FromConfig(IReadOnlyDictionary<string, string> c) => new()
    {
        SampleRate = I(c, "synth.sampleRate"), Hop = I(c, "synth.hop"), Frames = I(c, "synth.frames"), Harmonics = I(c, "synth.harmonics"),
        NoiseBands = I(c, "synth.noiseBands"), NoiseFftSize = I(c, "synth.noiseFftSize"), ImpulseLength = I(c, "synth.impulseLength"),
        Channels = I(c, "synth.channels"), InputSize = I(c, "synth.inputSize"),
        // Checkpoints written before the key existed trained on clips at their recorded level.
        InputPeak = c.TryGetValue("synth.inputPeak", out string? peak) && float.TryParse(peak, NumberStyles.Float, CultureInfo.InvariantCulture, out float p) ? p : 0,
    };

    private static string S(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static int I(IReadOnlyDictionary<string, string> c, string key) =>
        c.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i : throw new InvalidDataException($"synth config: '{key}' is missing or not an integer.");
}
