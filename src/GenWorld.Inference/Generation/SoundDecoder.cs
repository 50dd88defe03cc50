using GenWorld.Core.Models;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Sounds from a sound-VAE model folder on the calling thread: latent (+ MIDI pitch) → decoder.onnx → the model's audio
/// (<see cref="IModelAudio"/>: a log-magnitude + IF spectrogram inverted by one iSTFT at 16 kHz, or frame controls
/// rendered by the harmonic-plus-noise synthesiser at 48 kHz) → <see cref="SoundFinisher"/> (resampled to the output rate, DC removed,
/// faded, loudness-normalised). Thread-safe (ORT sessions are). For batching, caching and prefetch use
/// <see cref="SoundGenerationService"/>, which runs this through the scheduler.
/// </summary>
public sealed class SoundDecoder
{
    private readonly OrtSession _decoder;
    private readonly string _inputName, _outputName;
    private readonly IModelAudio _audio;
    private readonly ParallelOptions _parallel;

    /// <summary>
    /// Wraps a loaded sound-VAE folder; the manifest's representation must be one this runtime can invert.
    /// <paramref name="maxParallelism"/> bounds the threads inverting the clips of one batch (0: all cores).
    /// </summary>
    public SoundDecoder(ModelFolder model, SoundFinishing? finishing = null, int maxParallelism = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxParallelism);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : -1 };
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind != ModelKind.SoundVae)
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}, not a sound VAE.", nameof(model));
        _decoder = model.Part("decoder");
        ModelOnnxPart part = manifest.Parts.Single(p => p.Name == "decoder");
        _inputName = part.Inputs[0].Name;
        _outputName = part.Outputs[0].Name;
        Pitch = manifest.Conditioning is { PitchMin: int lo, PitchMax: int hi } ? new PitchRange(lo, hi) : null;
        LatentSize = manifest.LatentSize;
        _audio = ModelAudio.For(model, "decoder");
        Finisher = new SoundFinisher(_audio.SampleRate, finishing ?? SoundFinishing.Default);
    }

    /// <summary>Latent values the decoder takes (before the pitch one-hot).</summary>
    public int LatentSize { get; }

    /// <summary>Trained pitches, or null when the model is not pitch-conditioned.</summary>
    public PitchRange? Pitch { get; }

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

    /// <summary>Decodes and finishes one clip on the calling thread.</summary>
    /// <exception cref="ArgumentException">Wrong latent length, a non-finite value, or a pitch missing, unexpected or outside the trained range.</exception>
    public float[] Decode(ReadOnlySpan<float> latent, int? midiPitch = null) => DecodeBatch([DecoderInput(latent, midiPitch)])[0];

    /// <summary>
    /// Decoder inputs ([latent | pitch one-hot], already validated) → finished clips, inversions in parallel. The graph runs
    /// once per row: ONNX Runtime's kernels round differently for another batch size, so a batched row came out a few
    /// bits apart from the same row alone, and a studio code (batched with other requests) no longer regenerated its
    /// sound byte for byte in the CLI. The graph is the cheap part (the synthesis or inversion dominates).
    /// </summary>
    internal float[][] DecodeBatch(ReadOnlySpan<float[]> inputs)
    {
        int width = LatentSize + (Pitch?.Count ?? 0);
        int size = _audio.OutputSize;
        var representations = new float[inputs.Length * size];
        using var runOptions = new RunOptions();
        for (int r = 0; r < inputs.Length; r++)
        {
            using OrtValue input = OrtValue.CreateTensorValueFromMemory(inputs[r], [1, width]); // a row is exactly [latent | one-hot]
            using var results = _decoder.Session.Run(runOptions, [_inputName], [input], [_outputName]);
            results[0].GetTensorDataAsSpan<float>().CopyTo(representations.AsSpan(r * size, size));
        }
        var clips = new float[inputs.Length][];
        float[][] rows = inputs.ToArray();
        Parallel.For(0, rows.Length, _parallel, r =>
            clips[r] = Finisher.FinishOwned(_audio.Render(representations.AsSpan(r * size, size), Pitch?.FromOneHot(rows[r].AsSpan(LatentSize)), ModelAudio.SeedOf(rows[r]))));
        return clips;
    }

    /// <summary>[latent | one-hot(pitch)] after checking both.</summary>
    public float[] DecoderInput(ReadOnlySpan<float> latent, int? midiPitch)
    {
        if (latent.Length != LatentSize)
            throw new ArgumentException($"The decoder takes a latent of {LatentSize} values, got {latent.Length}.", nameof(latent));
        for (int i = 0; i < latent.Length; i++)
            if (!float.IsFinite(latent[i])) throw new ArgumentException($"latent[{i}] is {latent[i]}: latents must be finite.", nameof(latent));
        if (Pitch is not { } range)
        {
            if (midiPitch is not null) throw new ArgumentException("This model is not pitch-conditioned; pass no pitch.", nameof(midiPitch));
            return latent.ToArray();
        }
        if (midiPitch is not int pitch) throw new ArgumentException($"This model needs a MIDI pitch in {range}.", nameof(midiPitch));
        float[] oneHot = range.OneHot(pitch);
        return [.. latent, .. oneHot];
    }
}
