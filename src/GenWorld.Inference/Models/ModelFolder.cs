using GenWorld.Core.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Models;

/// <summary>
/// A loaded models/&lt;name&gt;/ folder: its manifest, checked against every ONNX graph it names, and one warmed-up session
/// per part on the best device that starts (CUDA, else CPU). Validate, then do: every problem is found before any
/// session serves a request, and reported together.
/// </summary>
public sealed class ModelFolder : IDisposable
{
    private readonly Dictionary<string, OrtSession> _parts;

    private ModelFolder(string path, ModelManifest manifest, Dictionary<string, OrtSession> parts)
    {
        Path = path;
        Manifest = manifest;
        _parts = parts;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The validated manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Sessions by part name (e.g. "encoder", "decoder", "generator").</summary>
    public IReadOnlyDictionary<string, OrtSession> Parts => _parts;

    /// <summary>The device the parts run on (all parts share the factory's choice).</summary>
    public ExecutionDevice Device => _parts.Values.First().Device;

    /// <summary>The session of one part, or an error naming the parts there are.</summary>
    public OrtSession Part(string name) => _parts.TryGetValue(name, out OrtSession? session)
        ? session
        : throw new KeyNotFoundException($"Model '{Manifest.Name}' has no part '{name}' (it has {string.Join(", ", _parts.Keys)}).");

    /// <summary>Opens, validates and warms up a model folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidModelFolderException">The manifest is missing or invalid, or disagrees with a graph.</exception>
    public static ModelFolder Open(string folder, OrtSessionFactory factory, OrtSessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string path = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"Model folder '{path}' does not exist (shipped models live in models/<name>/).");

        ModelManifest manifest = LoadManifest(path);
        var parts = new Dictionary<string, OrtSession>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            for (int i = 0; i < manifest.Parts.Count; i++)
            {
                ModelOnnxPart part = manifest.Parts[i];
                string file = System.IO.Path.Combine(path, part.File);
                if (!File.Exists(file))
                {
                    problems.Add($"parts[{i}].file: '{part.File}' does not exist in the folder.");
                    continue;
                }
                OrtSession session = factory.Open(file, settings);
                parts.Add(part.Name, session);
                GraphSignatureCheck.Compare($"parts[{i}].inputs", part.Inputs, session.Session.InputMetadata, problems);
                GraphSignatureCheck.Compare($"parts[{i}].outputs", part.Outputs, session.Session.OutputMetadata, problems);
            }
            if (problems.Count > 0) throw new InvalidModelFolderException(path, problems);
            foreach (ModelOnnxPart part in manifest.Parts) WarmUp(parts[part.Name], part);
            return new ModelFolder(path, manifest, parts);
        }
        catch
        {
            foreach (OrtSession session in parts.Values) session.Dispose();
            throw;
        }
    }

    private static ModelManifest LoadManifest(string path)
    {
        string file = System.IO.Path.Combine(path, ModelManifest.FileName);
        if (!File.Exists(file))
            throw new InvalidModelFolderException(path, [$"{ModelManifest.FileName} is missing."]);
        ModelManifest manifest;
        try { manifest = ModelManifest.Load(file); }
        catch (InvalidDataException e) { throw new InvalidModelFolderException(path, [e.Message]); }
        IReadOnlyList<string> errors = manifest.Validate();
        if (errors.Count > 0) throw new InvalidModelFolderException(path, errors);
        return manifest;
    }

    /// <summary>One run with zeros (dynamic dims as 1) so the first real request does not pay for ORT's lazy setup.</summary>
    private static void WarmUp(OrtSession session, ModelOnnxPart part)
    {
        var inputs = new List<NamedOnnxValue>();
        foreach (ModelTensorInfo tensor in part.Inputs)
        {
            int[] dims = tensor.Shape.Select(d => d < 0 ? 1 : (int)d).ToArray();
            int count = dims.Aggregate(1, (a, b) => a * b);
            inputs.Add(tensor.ElementType switch
            {
                "int64" => NamedOnnxValue.CreateFromTensor(tensor.Name, new DenseTensor<long>(new long[count], dims)),
                "bool" => NamedOnnxValue.CreateFromTensor(tensor.Name, new DenseTensor<bool>(new bool[count], dims)),
                _ => NamedOnnxValue.CreateFromTensor(tensor.Name, new DenseTensor<float>(new float[count], dims)),
            });
        }
        using var results = session.Session.Run(inputs);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (OrtSession session in _parts.Values) session.Dispose();
        _parts.Clear();
    }
}
