using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Sounds from a sound-VAE model folder: latent (+ MIDI pitch) → decoder.onnx → log-magnitude + IF spectrogram →
/// one inverse STFT (no Griffin-Lim) → a clip at the model rate, DC removed, faded at both ends, peak-normalised.
/// </summary>
public sealed class SoundDecoder
{
    private const float PeakTarget = 0.89f; // -1 dBFS: headroom for the spatial mix
    private readonly OrtSession _decoder;
    private readonly string _inputName;
    private readonly SpectralRepresentation _representation;
    private readonly ModelConditioning? _pitch;

    /// <summary>Wraps a loaded sound-VAE folder; the manifest's representation must be one this runtime can invert.</summary>
    public SoundDecoder(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind != ModelKind.SoundVae)
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}, not a sound VAE.", nameof(model));
        _decoder = model.Part("decoder");
        ModelOnnxPart part = manifest.Parts.Single(p => p.Name == "decoder");
        _inputName = part.Inputs[0].Name;
        _pitch = manifest.Conditioning is { PitchMin: not null } c ? c : null;
        LatentSize = manifest.LatentSize;
        _representation = Representation(manifest, part.Outputs[0].Shape);
    }

    /// <summary>Latent values the decoder takes (before the pitch one-hot).</summary>
    public int LatentSize { get; }

    /// <summary>Output sample rate (the model's).</summary>
    public int SampleRate => _representation.SampleRate;

    /// <summary>Samples per generated clip.</summary>
    public int ClipLength => _representation.ClipLength;

    /// <summary>Decodes on the calling thread.</summary>
    public float[] Decode(ReadOnlySpan<float> latent, int? midiPitch = null)
    {
        float[] input = DecoderInput(latent, midiPitch);
        var tensor = new DenseTensor<float>(input, [1, input.Length]);
        using var results = _decoder.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, tensor)]);
        float[] rep = results[0].AsEnumerable<float>().ToArray();
        return Finish(_representation.Inverse(rep));
    }

    /// <summary>Decodes off the calling thread; cancellation before the run starts drops the work.</summary>
    public Task<float[]> GenerateSoundAsync(float[] latent, int? midiPitch = null, CancellationToken cancellationToken = default)
    {
        _ = DecoderInput(latent, midiPitch); // validate on the caller's thread: bad input fails fast
        return Task.Run(() => Decode(latent, midiPitch), cancellationToken);
    }

    private float[] DecoderInput(ReadOnlySpan<float> latent, int? midiPitch)
    {
        if (latent.Length != LatentSize)
            throw new ArgumentException($"The decoder takes a latent of {LatentSize} values, got {latent.Length}.", nameof(latent));
        for (int i = 0; i < latent.Length; i++)
            if (!float.IsFinite(latent[i])) throw new ArgumentException($"latent[{i}] is {latent[i]}: latents must be finite.", nameof(latent));
        if (_pitch is not { PitchMin: int lo, PitchMax: int hi })
        {
            if (midiPitch is not null) throw new ArgumentException("This model is not pitch-conditioned; pass no pitch.", nameof(midiPitch));
            return latent.ToArray();
        }
        if (midiPitch is not int pitch) throw new ArgumentException($"This model needs a MIDI pitch in [{lo}, {hi}].", nameof(midiPitch));
        if (pitch < lo || pitch > hi) throw new ArgumentOutOfRangeException(nameof(midiPitch), pitch, $"MIDI pitch must be in the trained range [{lo}, {hi}].");
        var input = new float[LatentSize + (hi - lo + 1)];
        latent.CopyTo(input);
        input[LatentSize + pitch - lo] = 1f;
        return input;
    }

    private float[] Finish(float[] clip)
    {
        double mean = clip.Average(v => (double)v);
        int fade = SampleRate / 200; // 5 ms: no click when a voice starts or ends
        float peak = 0;
        for (int i = 0; i < clip.Length; i++)
        {
            float gain = Math.Min(1f, Math.Min(i, clip.Length - 1 - i) / (float)fade);
            clip[i] = (float)(clip[i] - mean) * gain;
            peak = Math.Max(peak, Math.Abs(clip[i]));
        }
        if (peak > 1e-6f)
            for (int i = 0; i < clip.Length; i++) clip[i] *= PeakTarget / peak;
        return clip;
    }

    /// <summary>"logmag-if-FFT-HOP" plus the frames of a [N, 2, frames, bins] tensor give the exact transform (encoder and decoder share it).</summary>
    internal static SpectralRepresentation Representation(ModelManifest manifest, IReadOnlyList<long> shape)
    {
        string name = manifest.AudioRepresentation ?? "";
        string[] bits = name.Split('-');
        if (bits.Length != 4 || bits[0] != "logmag" || bits[1] != "if"
            || !int.TryParse(bits[2], CultureInfo.InvariantCulture, out int fft) || !int.TryParse(bits[3], CultureInfo.InvariantCulture, out int hop))
            throw new InvalidModelFolderException(manifest.Name, [$"audioRepresentation: '{name}' is not one this runtime inverts (expected logmag-if-FFT-HOP)."]);
        if (shape.Count != 4 || shape[2] <= 0)
            throw new InvalidModelFolderException(manifest.Name, ["the representation tensor shape: expected [N, 2, frames, bins]."]);
        int rate = manifest.SampleRate ?? throw new InvalidModelFolderException(manifest.Name, ["sampleRate: required for a sound model."]);
        return new SpectralRepresentation((int)shape[2] * hop, fft, hop, rate);
    }
}
