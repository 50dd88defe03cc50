using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// What every sound model's output goes through after its graph: the log-magnitude + IF representation named in the
/// manifest, inverted with one iSTFT, then the clip is made safe to play (DC removed, faded, peak-normalised).
/// Shared by <see cref="SoundDecoder"/> (VAE) and <see cref="SoundGanGenerator"/> (GAN).
/// </summary>
internal static class SoundClipFinishing
{
    private const float PeakTarget = 0.89f; // -1 dBFS: headroom for the spatial mix

    /// <summary>Removes DC, fades 5 ms at both ends (no click when a voice starts or ends) and normalises the peak, in place.</summary>
    public static float[] Finish(float[] clip, int sampleRate)
    {
        double mean = clip.Average(v => (double)v);
        int fade = Math.Max(1, sampleRate / 200);
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

    /// <summary>"logmag-if-FFT-HOP" plus the graph's output frames give the exact inverse transform.</summary>
    public static SpectralRepresentation Representation(ModelManifest manifest, ModelOnnxPart part)
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
        return new SpectralRepresentation((int)shape[2] * hop, fft, hop, rate);
    }
}
