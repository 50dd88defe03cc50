using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A recording → its place in a sound VAE's latent space: mono, band-limited resampling to the model rate, cropped or
/// zero-padded to the clip length (as training prepared clips), the model's encoder input (<see cref="IModelAudio"/>), encoder.onnx → μ.
/// </summary>
public sealed class SoundEncoder
{
    private readonly OrtSession _encoder;
    private readonly string _inputName, _outputName;
    private readonly IModelAudio _audio;

    /// <summary>Uses the "encoder" part of a loaded sound-VAE folder.</summary>
    public SoundEncoder(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind != ModelKind.SoundVae)
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}; only a sound VAE has an encoder.", nameof(model));
        _encoder = model.Part("encoder");
        ModelOnnxPart part = manifest.Parts.Single(p => p.Name == "encoder");
        (_inputName, _outputName) = (part.Inputs[0].Name, part.Outputs[0].Name);
        _audio = ModelAudio.For(model, "decoder");
        LatentSize = manifest.LatentSize;
    }

    /// <summary>Values of the returned latent.</summary>
    public int LatentSize { get; }

    /// <summary>The posterior mean μ of <paramref name="clip"/>.</summary>
    /// <exception cref="ArgumentException">The clip is empty or holds non-finite samples.</exception>
    public float[] Encode(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Frames == 0 || clip.SampleRate <= 0) throw new ArgumentException("the clip is empty.", nameof(clip));
        float[] mono = clip.ToMono().Samples;
        int bad = Array.FindIndex(mono, v => !float.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"sample {bad} is {mono[bad]}: audio must be finite.", nameof(clip));
        // Crop before resampling: only the input that reaches the first ClipLength output samples (plus the filter's reach).
        long reach = (long)Math.Ceiling((double)_audio.ClipLength * clip.SampleRate / _audio.SampleRate)
            + (2L * PolyphaseResampler.ZeroCrossings * Math.Max(1, (clip.SampleRate / _audio.SampleRate) + 1));
        if (mono.Length > reach) mono = mono[..(int)reach];
        float[] atModelRate = new PolyphaseResampler(clip.SampleRate, _audio.SampleRate).Process(mono);
        var fitted = new float[_audio.ClipLength];
        atModelRate.AsSpan(0, Math.Min(fitted.Length, atModelRate.Length)).CopyTo(fitted);
        float[] rep = _audio.EncoderInput(fitted);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(rep, [1, .. _audio.EncoderInputShape]);
        using var runOptions = new RunOptions();
        using var results = _encoder.Session.Run(runOptions, [_inputName], [input], [_outputName]);
        return results[0].GetTensorDataAsSpan<float>()[..LatentSize].ToArray();
    }
}
