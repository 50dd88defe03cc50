using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference;

/// <summary>An open ONNX Runtime session plus how it came to be: the device it got and, if CUDA did not start, why.</summary>
public sealed class OrtSession : IDisposable
{
    internal OrtSession(InferenceSession session, string modelName, ExecutionDevice device, string? cudaFailure)
    {
        Session = session;
        ModelName = modelName;
        Device = device;
        CudaFailure = cudaFailure;
    }

    /// <summary>The session; owned by this object.</summary>
    public InferenceSession Session { get; }

    /// <summary>The file path, or the name given for in-memory bytes.</summary>
    public string ModelName { get; }

    /// <summary>The device the session runs on.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>One line saying why CUDA did not start, or null when it started or was not tried.</summary>
    public string? CudaFailure { get; }

    /// <summary>Releases the native session.</summary>
    public void Dispose() => Session.Dispose();
}
