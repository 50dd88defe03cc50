using GenWorld.Core.Models;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Sounds from a sound-GAN model folder: latent + MIDI pitch + label (e.g. instrument family) → generator.onnx →
/// log-magnitude + IF spectrogram → one inverse STFT → the shared <see cref="SoundFinisher"/> (resampled to the output rate,
/// DC removed, faded, loudness-normalised).
/// The graph's input is [z | pitch one-hot | label one-hot]; the manifest's conditioning says the ranges and names.
/// </summary>
public sealed class SoundGanGenerator
{
    private readonly OrtSession _generator;
    private readonly string _inputName;
    private readonly IModelAudio _audio;
    private readonly int _pitchClasses;

    /// <summary>Wraps a loaded sound-GAN folder; its input width must equal latent + pitch classes + labels.</summary>
    public SoundGanGenerator(ModelFolder model, SoundFinishing? finishing = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind != ModelKind.SoundGan)
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}, not a sound GAN.", nameof(model));
        _generator = model.Part("generator");
        ModelOnnxPart part = manifest.Parts.Single(p => p.Name == "generator");
        _inputName = part.Inputs[0].Name;
        LatentSize = manifest.LatentSize;
        PitchMin = manifest.Conditioning?.PitchMin;
        PitchMax = manifest.Conditioning?.PitchMax;
        LabelNames = manifest.Conditioning?.LabelNames ?? [];
        _pitchClasses = PitchMin is int lo && PitchMax is int hi ? hi - lo + 1 : 0;
        long width = part.Inputs[0].Shape.Count == 2 ? part.Inputs[0].Shape[1] : -1;
        if (width != LatentSize + _pitchClasses + LabelNames.Count)
            throw new InvalidModelFolderException(manifest.Name, [$"parts.generator.inputs[0].shape: width {width} is not latentSize {LatentSize} + {_pitchClasses} pitches + {LabelNames.Count} labels."]);
        _audio = ModelAudio.For(model, "generator");
        Finisher = new SoundFinisher(_audio.SampleRate, finishing ?? SoundFinishing.Default);
    }

    /// <summary>Noise values (before the condition one-hots).</summary>
    public int LatentSize { get; }

    /// <summary>Lowest MIDI pitch, or null when not pitch-conditioned.</summary>
    public int? PitchMin { get; }

    /// <summary>Highest MIDI pitch, or null when not pitch-conditioned.</summary>
    public int? PitchMax { get; }

    /// <summary>Label names in one-hot order (empty when not label-conditioned).</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>The model's own sample rate.</summary>
    public int ModelRate => _audio.SampleRate;

    /// <summary>Samples per clip at the model rate.</summary>
    public int ClipLength => _audio.ClipLength;

    /// <summary>Rate of finished clips.</summary>
    public int SampleRate => Finisher.OutputRate;

    /// <summary>Samples per finished clip.</summary>
    public int OutputLength => Finisher.OutputLength(ClipLength);

    /// <summary>The finishing step applied to every clip.</summary>
    public SoundFinisher Finisher { get; }

    /// <summary>Generates one clip on the calling thread.</summary>
    public float[] Generate(ReadOnlySpan<float> latent, int? midiPitch = null, string? label = null)
    {
        float[] input = GeneratorInput(latent, midiPitch, label);
        var tensor = new DenseTensor<float>(input, [1, input.Length]);
        using var results = _generator.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, tensor)]);
        float[] rep = results[0].AsEnumerable<float>().ToArray();
        return Finisher.FinishOwned(_audio.Render(rep, midiPitch, ModelAudio.SeedOf(input)));
    }

    /// <summary>Generates off the calling thread; inputs are checked first, on the caller's thread.</summary>
    public Task<float[]> GenerateSoundAsync(float[] latent, int? midiPitch = null, string? label = null, CancellationToken cancellationToken = default)
    {
        _ = GeneratorInput(latent, midiPitch, label);
        return Task.Run(() => Generate(latent, midiPitch, label), cancellationToken);
    }

    /// <summary>[z | pitch one-hot | label one-hot], after checking every part against the manifest.</summary>
    public float[] GeneratorInput(ReadOnlySpan<float> latent, int? midiPitch, string? label)
    {
        if (latent.Length != LatentSize)
            throw new ArgumentException($"The generator takes a latent of {LatentSize} values, got {latent.Length}.", nameof(latent));
        for (int i = 0; i < latent.Length; i++)
            if (!float.IsFinite(latent[i])) throw new ArgumentException($"latent[{i}] is {latent[i]}: latents must be finite.", nameof(latent));
        var input = new float[LatentSize + _pitchClasses + LabelNames.Count];
        latent.CopyTo(input);
        if (PitchMin is int lo && PitchMax is int hi)
        {
            if (midiPitch is not int pitch) throw new ArgumentException($"This model needs a MIDI pitch in [{lo}, {hi}].", nameof(midiPitch));
            if (pitch < lo || pitch > hi) throw new ArgumentOutOfRangeException(nameof(midiPitch), pitch, $"MIDI pitch must be in the trained range [{lo}, {hi}].");
            input[LatentSize + pitch - lo] = 1f;
        }
        else if (midiPitch is not null) throw new ArgumentException("This model is not pitch-conditioned; pass no pitch.", nameof(midiPitch));
        if (LabelNames.Count > 0)
        {
            int index = label is null ? -1 : IndexOf(label);
            if (index < 0) throw new ArgumentException($"This model needs a label, one of: {string.Join(", ", LabelNames)}; got '{label ?? "(none)"}'.", nameof(label));
            input[LatentSize + _pitchClasses + index] = 1f;
        }
        else if (label is not null) throw new ArgumentException("This model is not label-conditioned; pass no label.", nameof(label));
        return input;
    }

    private int IndexOf(string label)
    {
        for (int i = 0; i < LabelNames.Count; i++)
            if (string.Equals(LabelNames[i], label, StringComparison.Ordinal)) return i;
        return -1;
    }
}
