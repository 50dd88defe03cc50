using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Generation;

/// <summary>Sound-VAE encoder.onnx on the runtime side: a clip at the model rate → its latent mean (μ of [μ | logσ²]).</summary>
public sealed class LatentEncoder
{
    private readonly OrtSession _encoder;
    private readonly string _inputName;
    private readonly SpectralRepresentation _representation;

    /// <summary>Wraps a loaded sound-VAE folder with an "encoder" part.</summary>
    public LatentEncoder(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind != ModelKind.SoundVae)
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}, not a sound VAE.", nameof(model));
        _encoder = model.Part("encoder");
        ModelOnnxPart part = manifest.Parts.Single(p => p.Name == "encoder");
        _inputName = part.Inputs[0].Name;
        _representation = SoundDecoder.Representation(manifest, part.Inputs[0].Shape);
        LatentSize = manifest.LatentSize;
    }

    /// <summary>Latent values returned.</summary>
    public int LatentSize { get; }

    /// <summary>Samples the encoder takes; shorter clips are zero-padded, longer ones cut.</summary>
    public int ClipLength => _representation.ClipLength;

    /// <summary>The latent mean of a mono clip at the model's sample rate.</summary>
    public float[] Encode(ReadOnlySpan<float> clip)
    {
        float[] fitted = new float[ClipLength];
        clip[..Math.Min(clip.Length, ClipLength)].CopyTo(fitted);
        float[] rep = _representation.Forward(fitted);
        var tensor = new DenseTensor<float>(rep, [1, 2, _representation.Frames, _representation.Bins]);
        using var results = _encoder.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, tensor)]);
        return [.. results[0].AsEnumerable<float>().Take(LatentSize)];
    }
}
