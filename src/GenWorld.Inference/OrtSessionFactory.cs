using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference;

/// <summary>
/// Opens ONNX Runtime sessions on the best device that actually starts: CUDA when preferred and working, otherwise CPU.
/// A missing CUDA stack is a log line and a reason on the result, never an exception; a bad model is an exception naming it.
/// </summary>
public sealed class OrtSessionFactory
{
    private readonly Action<string> _log;

    /// <summary>Creates a factory that reports the chosen device through <paramref name="log"/> (default: stderr).</summary>
    public OrtSessionFactory(Action<string>? log = null) => _log = log ?? (line => Console.Error.WriteLine(line));

    /// <summary>Opens the model file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidModelException">The file is empty or not an ONNX model.</exception>
    public OrtSession Open(string path, OrtSessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        settings ??= OrtSessionSettings.Default;
        settings.Validate();
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"ONNX model '{fullPath}' does not exist", fullPath);
        if (new FileInfo(fullPath).Length == 0)
            throw new InvalidModelException(fullPath, "the file is empty (0 bytes)");
        if (GenWorld.Core.Models.ModelFileHash.Problem(fullPath) is { } damaged)
            throw new InvalidModelException(fullPath, damaged);
        // By path rather than bytes so ORT finds external-data files next to the model.
        return OpenCore(fullPath, settings, options => new InferenceSession(fullPath, options));
    }

    /// <summary>Opens a model held in memory; <paramref name="modelName"/> names it in logs and errors.</summary>
    /// <exception cref="InvalidModelException">The bytes are empty or not an ONNX model.</exception>
    public OrtSession Open(byte[] model, string modelName, OrtSessionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        settings ??= OrtSessionSettings.Default;
        settings.Validate();
        if (model.Length == 0)
            throw new InvalidModelException(modelName, "the model is empty (0 bytes)");
        return OpenCore(modelName, settings, options => new InferenceSession(model, options));
    }

    private OrtSession OpenCore(string name, OrtSessionSettings settings, Func<SessionOptions, InferenceSession> create)
    {
        _ = OrtEnvironment.Get();
        string? cudaFailure = null;
        if (settings.Device != DevicePreference.Cpu)
        {
            try
            {
                InferenceSession cuda = CreateWith(settings, create, useCuda: true);
                _log($"onnxruntime: '{name}' on CUDA device {settings.CudaDeviceId}");
                return new OrtSession(cuda, name, ExecutionDevice.Cuda, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                cudaFailure = OneLine(e);
                if (cudaFailure.Contains("Failed to load shared library", StringComparison.Ordinal) && CudaLoadDiagnosis.LoaderError() is { } loader)
                    cudaFailure += $" ({loader})";
            }
        }

        InferenceSession cpu;
        try
        {
            cpu = CreateWith(settings, create, useCuda: false);
        }
        catch (OnnxRuntimeException e)
        {
            // CPU is the floor: if it cannot load the model, the model is the problem, not the device.
            throw new InvalidModelException(name, OneLine(e), e);
        }
        _log(cudaFailure switch
        {
            null => $"onnxruntime: '{name}' on CPU",
            _ when settings.Device == DevicePreference.Cuda => $"onnxruntime: CUDA was requested but did not start, '{name}' on CPU instead: {cudaFailure}",
            _ => $"onnxruntime: '{name}' on CPU (CUDA did not start: {cudaFailure})",
        });
        return new OrtSession(cpu, name, ExecutionDevice.Cpu, cudaFailure);
    }

    private static InferenceSession CreateWith(OrtSessionSettings settings, Func<SessionOptions, InferenceSession> create, bool useCuda)
    {
        // Fresh options per attempt: a failed CUDA append must not leave half-registered providers behind.
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = settings.Optimization,
            IntraOpNumThreads = settings.IntraOpThreads,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
        if (useCuda)
            options.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
        return create(options);
    }

    /// <summary>The exception's message on one line (ORT messages can span several).</summary>
    internal static string OneLine(Exception e) =>
        string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
