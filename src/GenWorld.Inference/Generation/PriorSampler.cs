using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Core.Sequences;
using GenWorld.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Runs a prior folder (prior.onnx + prior.json; the Transformer, or the GRU baseline with the same signature) to generate note tokens. Each new token re-runs the causal
/// window of the last <see cref="Context"/> tokens (no key/value cache: the window is short, and measured fast enough to
/// drive the world live). Start a <see cref="PriorStream"/> per performance; a stream is not thread-safe.
/// </summary>
public sealed class PriorSampler
{
    private readonly OrtSession _prior;
    private readonly string _inputName;

    /// <summary>Wraps a loaded prior folder after checking its kind, part and vocabulary sidecar.</summary>
    public PriorSampler(ModelFolder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.Kind is not (ModelKind.TransformerPrior or ModelKind.GruPrior))
            throw new ArgumentException($"Model '{manifest.Name}' is a {manifest.Kind}, not a transformer prior (or its GRU baseline).", nameof(model));
        _prior = model.Part("prior");
        _inputName = manifest.Parts.Single(p => p.Name == "prior").Inputs[0].Name;
        Context = ReadContext(model.Path, manifest.Name);
    }

    /// <summary>Longest window the model was trained on; older tokens slide out.</summary>
    public int Context { get; }

    /// <summary>A new performance from START, drawn with <c>new Random(seed)</c>.</summary>
    public PriorStream Start(int seed, NoteTokenSampler sampler) => new(this, new Random(seed), sampler ?? throw new ArgumentNullException(nameof(sampler)));

    /// <summary>Next-token logits after the last token of <paramref name="window"/> (at most <see cref="Context"/> tokens).</summary>
    public float[] NextLogits(ReadOnlySpan<int> window)
    {
        if (window.Length < 1 || window.Length > Context)
            throw new ArgumentException($"the window must hold 1..{Context} tokens, got {window.Length}.", nameof(window));
        var input = new DenseTensor<long>([1, window.Length]);
        for (int i = 0; i < window.Length; i++) input[0, i] = window[i];
        using var results = _prior.Session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var logits = results[0].AsTensor<float>();
        float[] last = new float[NoteVocabulary.Size];
        for (int v = 0; v < last.Length; v++) last[v] = logits[0, window.Length - 1, v];
        return last;
    }

    private static int ReadContext(string folder, string name)
    {
        string path = Path.Combine(folder, "prior.json");
        if (!File.Exists(path)) throw new InvalidModelFolderException(folder, ["prior.json is missing (the vocabulary sidecar of a prior)."]);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = doc.RootElement;
        var problems = new List<string>();
        if (!root.TryGetProperty("vocabulary", out var vocabulary) || vocabulary.GetString() != "note-events-v1")
            problems.Add("prior.json vocabulary: expected 'note-events-v1'.");
        if (!root.TryGetProperty("vocabularySize", out var size) || size.GetInt32() != NoteVocabulary.Size)
            problems.Add($"prior.json vocabularySize: expected {NoteVocabulary.Size}.");
        int context = root.TryGetProperty("context", out var c) ? c.GetInt32() : 0;
        if (context < 2) problems.Add("prior.json context: must be >= 2.");
        if (problems.Count > 0) throw new InvalidModelFolderException(name, problems);
        return context;
    }
}
