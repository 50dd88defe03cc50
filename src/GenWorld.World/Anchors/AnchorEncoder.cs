using System.Globalization;
using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace GenWorld.World.Anchors;

/// <summary>
/// Encodes clips with a sound VAE's encoder.onnx (representation [N, 2, frames, bins] → stats [N, 2·latent], mean first)
/// and keeps the mean as each anchor's latent. Clips are prepared as in training: mono, model rate, cropped or zero-padded.
/// </summary>
public sealed class AnchorEncoder
{
    private const int BatchSize = 16;
    private readonly ModelFolder _model;
    private readonly SpectralRepresentation _representation;
    private readonly string _inputName;

    /// <summary>Wraps a loaded sound-VAE folder with an "encoder" part.</summary>
    public AnchorEncoder(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest m = model.Manifest;
        if (m.Kind != ModelKind.SoundVae) throw new ArgumentException($"Model '{m.Name}' is a {m.Kind}, not a sound VAE.", nameof(model));
        ModelOnnxPart encoder = m.Parts.SingleOrDefault(p => p.Name == "encoder")
            ?? throw new ArgumentException($"Model '{m.Name}' has no encoder part; anchors need encoder.onnx.", nameof(model));
        _model = model;
        _inputName = encoder.Inputs[0].Name;
        _representation = RepresentationOf(m, encoder.Inputs[0].Shape);
    }

    /// <summary>Encodes every item in order; <paramref name="progress"/> gets the count done so far.</summary>
    public AnchorSet Encode(IReadOnlyList<EncodeItem> items, string labelKey, string datasetVersion, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) throw new ArgumentException("There are no clips to encode.", nameof(items));
        int latentSize = _model.Manifest.LatentSize;
        string[] labelNames = [.. items.Select(i => i.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var labelIndex = labelNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var latents = new float[items.Count * latentSize];
        var session = _model.Part("encoder").Session;
        int rep = _representation.Size;
        for (int start = 0; start < items.Count; start += BatchSize)
        {
            int rows = Math.Min(BatchSize, items.Count - start);
            var input = new float[rows * rep];
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
                _representation.Forward(Prepare(items[start + r])).CopyTo(input.AsSpan(r * rep)));
            var tensor = new DenseTensor<float>(input, [rows, 2, _representation.Frames, _representation.Bins]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(_inputName, tensor)]);
            float[] stats = [.. results[0].AsEnumerable<float>()];
            for (int r = 0; r < rows; r++)
                stats.AsSpan(r * 2 * latentSize, latentSize).CopyTo(latents.AsSpan((start + r) * latentSize));
            progress?.Report(start + rows);
        }
        bool pitched = items.Any(i => i.Pitch is not null);
        var anchors = items.Select((item, i) => new Anchor(i, item.Id, labelIndex[item.Label], item.Pitch)).ToArray();
        var header = new AnchorHeader(1, _model.Manifest.Name, _model.Manifest.Version, datasetVersion, items.Count, latentSize,
            labelKey, labelNames, pitched, "float16", new Dictionary<string, double>(), ModelFileHash.OfModel(_model.Path));
        // Round through float16 now so the in-memory set equals what the file will hold.
        for (int i = 0; i < latents.Length; i++) latents[i] = (float)(Half)latents[i];
        return new AnchorSet(header, anchors, latents);
    }

    private float[] Prepare(EncodeItem item)
    {
        AudioClip clip = item.Load().ToMono();
        float[] samples = clip.SampleRate == _representation.SampleRate ? clip.Samples : Resample(clip.Samples, clip.SampleRate, _representation.SampleRate, _representation.ClipLength);
        var fitted = new float[_representation.ClipLength];
        Array.Copy(samples, fitted, Math.Min(samples.Length, fitted.Length));
        return fitted;
    }

    /// <summary>Linear interpolation, as the training pipeline prepares clips (datasets are built at the model rate anyway).</summary>
    private static float[] Resample(float[] samples, int from, int to, int maxLength)
    {
        // Only the samples kept are computed: a long clip (or a tiny source rate) is cropped before it is resampled.
        var result = new float[(int)Math.Min(maxLength, (long)samples.Length * to / from)];
        double ratio = (double)from / to;
        for (int i = 0; i < result.Length; i++)
        {
            double pos = i * ratio;
            int a = (int)pos, b = Math.Min(a + 1, samples.Length - 1);
            result[i] = (float)((samples[a] * (1 - (pos - a))) + (samples[b] * (pos - a)));
        }
        return result;
    }

    private static SpectralRepresentation RepresentationOf(ModelManifest m, IReadOnlyList<long> shape)
    {
        string[] bits = (m.AudioRepresentation ?? "").Split('-');
        if (bits.Length != 4 || bits[0] != "logmag" || bits[1] != "if"
            || !int.TryParse(bits[2], CultureInfo.InvariantCulture, out int fft) || !int.TryParse(bits[3], CultureInfo.InvariantCulture, out int hop))
            throw new InvalidModelFolderException(m.Name, [$"audioRepresentation: '{m.AudioRepresentation}' is not logmag-if-FFT-HOP."]);
        if (shape.Count != 4 || shape[2] <= 0 || shape[2] * hop > 600L * (m.SampleRate ?? 16000))
            throw new InvalidModelFolderException(m.Name, ["parts.encoder.inputs[0].shape: expected [N, 2, frames, bins], at most 10 minutes of frames."]);
        return new SpectralRepresentation((int)shape[2] * hop, fft, hop, m.SampleRate ?? 16000);
    }
}
