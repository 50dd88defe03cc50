using GenWorld.Core.Models;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.World.Anchors;

/// <summary>
/// Encodes a dataset's clips into anchors: each clip's posterior mean through the one <see cref="SoundEncoder"/> (the
/// manifest's representation, polyphase resampling to the model rate), so a clip placed in the field has exactly the
/// latent that <c>genworld generate --between</c> gives the same WAV (up to the anchors' float16 storage).
/// </summary>
public sealed class AnchorEncoder
{
    private readonly ModelFolder _model;
    private readonly SoundEncoder _encoder;

    /// <summary>Wraps a loaded sound-VAE folder with an "encoder" part.</summary>
    public AnchorEncoder(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest m = model.Manifest;
        if (m.Kind != ModelKind.SoundVae) throw new ArgumentException($"Model '{m.Name}' is a {m.Kind}, not a sound VAE.", nameof(model));
        if (m.Parts.All(p => p.Name != "encoder"))
            throw new ArgumentException($"Model '{m.Name}' has no encoder part; anchors need encoder.onnx.", nameof(model));
        _model = model;
        _encoder = new SoundEncoder(model);
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
        int done = 0;
        // Two clips at a time: the representation is CPU work and ONNX Runtime sessions take concurrent runs.
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            _encoder.Encode(items[i].Load()).CopyTo(latents.AsSpan(i * latentSize));
            int now = Interlocked.Increment(ref done);
            if (now % 16 == 0 || now == items.Count) progress?.Report(now);
        });
        bool pitched = items.Any(i => i.Pitch is not null);
        var anchors = items.Select((item, i) => new Anchor(i, item.Id, labelIndex[item.Label], item.Pitch)).ToArray();
        var header = new AnchorHeader(1, _model.Manifest.Name, _model.Manifest.Version, datasetVersion, items.Count, latentSize,
            labelKey, labelNames, pitched, "float16", new Dictionary<string, double>(), ModelFileHash.OfModel(_model.Path));
        // Round through float16 now so the in-memory set equals what the file will hold.
        for (int i = 0; i < latents.Length; i++) latents[i] = (float)(Half)latents[i];
        return new AnchorSet(header, anchors, latents);
    }
}
