using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// The log-magnitude + IF representation a sound model's manifest names, as the exact transform that inverts its graph's
/// output with one iSTFT. Shared by <see cref="SoundDecoder"/> (VAE) and <see cref="SoundGanGenerator"/> (GAN).
/// </summary>
internal static class ManifestRepresentation
{
    /// <summary>"logmag-if-FFT-HOP" plus the graph's output frames give the exact inverse transform.</summary>
    public static SpectralRepresentation Parse(ModelManifest manifest, ModelOnnxPart part)
    {
        string name = manifest.AudioRepresentation ?? "";
        string[] bits = name.Split('-');
        if (bits.Length != 4 || bits[0] != "logmag" || bits[1] != "if"
            || !int.TryParse(bits[2], CultureInfo.InvariantCulture, out int fft) || !int.TryParse(bits[3], CultureInfo.InvariantCulture, out int hop))
            throw new InvalidModelFolderException(manifest.Name, [$"audioRepresentation: '{name}' is not one this runtime inverts (expected logmag-if-FFT-HOP)."]);
        IReadOnlyList<long> shape = part.Outputs[0].Shape;
        if (shape.Count != 4 || shape[2] <= 0)
            throw new InvalidModelFolderException(manifest.Name, [$"parts.{part.Name}.outputs[0].shape: expected [N, 2, frames, bins]."]);
        int rate = manifest.SampleRate ?? throw new InvalidModelFolderException(manifest.Name, ["sampleRate: required for a sound model."]);
        if (shape[2] * hop > 600L * rate)
            throw new InvalidModelFolderException(manifest.Name, [$"parts.{part.Name}.outputs[0].shape: {shape[2]} frames of hop {hop} is longer than 10 minutes at {rate} Hz."]);
        return new SpectralRepresentation((int)shape[2] * hop, fft, hop, rate);
    }
}
