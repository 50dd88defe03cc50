using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// An <see cref="IBatchGenerator"/> over any float ONNX model with input [N, D] (and optionally a second input
/// [N, C] for conditioning) and one output [N, ...] whose trailing dimensions are flattened into an output row.
/// A model exported with a fixed batch size runs in chunks of that size.
/// </summary>
public sealed class OrtBatchGenerator : IBatchGenerator
{
    private readonly OrtSession _session;
    private readonly string[] _inputNames;
    private readonly string _outputName;
    private readonly int _fixedBatch; // 0 when the batch dimension is symbolic
    private readonly RunOptions _runOptions = new();

    /// <summary>Wraps an open session (owned from now on) after checking its inputs and outputs have usable shapes.</summary>
    /// <exception cref="InvalidModelException">The model's inputs or outputs do not fit the [N, D] → [N, L] contract.</exception>
    public OrtBatchGenerator(OrtSession session, string version)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        InferenceSession s = session.Session;
        if (s.InputNames.Count is < 1 or > 2)
            throw new InvalidModelException(session.ModelName, $"has {s.InputNames.Count} inputs; expected latent [N, D] and optionally conditioning [N, C]");
        if (s.OutputNames.Count < 1)
            throw new InvalidModelException(session.ModelName, "has no outputs");
        int[] latentDims = CheckFloat(session, s.InputNames[0], s.InputMetadata[s.InputNames[0]], rank2: true);
        int[] outputDims = CheckFloat(session, s.OutputNames[0], s.OutputMetadata[s.OutputNames[0]], rank2: false);
        LatentSize = latentDims[1];
        ConditioningSize = s.InputNames.Count == 2 ? CheckFloat(session, s.InputNames[1], s.InputMetadata[s.InputNames[1]], rank2: true)[1] : 0;
        OutputLength = outputDims.Skip(1).Aggregate(1, (a, d) => checked(a * d));
        _fixedBatch = Math.Max(0, latentDims[0]);
        _session = session;
        _inputNames = [.. s.InputNames];
        _outputName = s.OutputNames[0];
        Version = version;
    }

    /// <summary>Opens <paramref name="path"/> through <paramref name="factory"/> (CUDA when it starts, else CPU) and wraps it.</summary>
    public static OrtBatchGenerator Open(OrtSessionFactory factory, string path, string version, OrtSessionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        OrtSession session = factory.Open(path, settings);
        try
        {
            return new OrtBatchGenerator(session, version);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public int LatentSize { get; }

    /// <inheritdoc/>
    public int ConditioningSize { get; }

    /// <inheritdoc/>
    public int OutputLength { get; }

    /// <inheritdoc/>
    public string Version { get; }

    /// <summary>The device the session runs on.</summary>
    public ExecutionDevice Device => _session.Device;

    /// <inheritdoc/>
    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        var outputs = new float[latents.Length][];
        int chunk = _fixedBatch > 0 ? _fixedBatch : Math.Max(1, latents.Length);
        for (int start = 0; start < latents.Length; start += chunk)
        {
            int rows = Math.Min(chunk, latents.Length - start);
            ReadOnlySpan<float[]> c = ConditioningSize > 0 ? conditioning.Slice(start, rows) : [];
            RunChunk(latents.Slice(start, rows), c, Math.Max(rows, _fixedBatch), outputs.AsSpan(start, rows));
        }
        return outputs;
    }

    /// <summary>Releases the session.</summary>
    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private void RunChunk(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning, int paddedRows, Span<float[]> outputs)
    {
        // A fixed-batch model gets zero rows as padding; their outputs are discarded.
        using OrtValue latent = OrtValue.CreateTensorValueFromMemory(Pack(latents, LatentSize, paddedRows), [paddedRows, LatentSize]);
        using OrtValue? cond = ConditioningSize > 0
            ? OrtValue.CreateTensorValueFromMemory(Pack(conditioning, ConditioningSize, paddedRows), [paddedRows, ConditioningSize])
            : null;
        OrtValue[] inputs = cond is null ? [latent] : [latent, cond];
        using IDisposableReadOnlyCollection<OrtValue> results = _session.Session.Run(_runOptions, _inputNames, inputs, [_outputName]);
        ReadOnlySpan<float> flat = results[0].GetTensorDataAsSpan<float>();
        if (flat.Length != paddedRows * OutputLength)
            throw new InvalidOperationException($"'{_session.ModelName}' returned {flat.Length} values for {paddedRows} rows; expected {paddedRows * OutputLength}");
        for (int r = 0; r < outputs.Length; r++)
            outputs[r] = flat.Slice(r * OutputLength, OutputLength).ToArray();
    }

    private static float[] Pack(ReadOnlySpan<float[]> rows, int width, int paddedRows)
    {
        var packed = new float[paddedRows * width];
        for (int r = 0; r < rows.Length; r++)
            rows[r].AsSpan().CopyTo(packed.AsSpan(r * width, width));
        return packed;
    }

    private static int[] CheckFloat(OrtSession session, string name, NodeMetadata meta, bool rank2)
    {
        int[] dims = meta.Dimensions;
        string shape = $"[{string.Join(", ", dims.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
        if (!meta.IsTensor || meta.ElementType != typeof(float))
            throw new InvalidModelException(session.ModelName, $"'{name}' is not a float tensor");
        if (rank2 ? dims.Length != 2 : dims.Length < 2)
            throw new InvalidModelException(session.ModelName, $"'{name}' has shape {shape}; expected [N, {(rank2 ? "D" : "L...")}]");
        if (dims.Skip(1).Any(d => d <= 0))
            throw new InvalidModelException(session.ModelName, $"'{name}' has shape {shape}; all but the batch dimension must be fixed");
        return dims;
    }
}
