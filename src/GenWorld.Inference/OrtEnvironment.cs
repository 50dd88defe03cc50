using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference;

/// <summary>
/// Creates ONNX Runtime's process-wide environment once, before anything else touches it. ORT's own logger
/// prints a red multi-line error for every CUDA provider that fails to load; we report that failure ourselves
/// in one line (<see cref="OrtSession.CudaFailure"/>), so ORT's logger is quiet unless GENWORLD_ORT_LOG asks
/// for more (verbose, info, warning, error, fatal).
/// </summary>
public static class OrtEnvironment
{
    private static readonly Lazy<OrtEnv> Instance = new(Create);

    /// <summary>The shared environment, created with GenWorld's log level on first use.</summary>
    public static OrtEnv Get() => Instance.Value;

    private static OrtEnv Create()
    {
        var options = new EnvironmentCreationOptions
        {
            logId = "genworld",
            logLevel = (Environment.GetEnvironmentVariable("GENWORLD_ORT_LOG") ?? "fatal").ToLowerInvariant() switch
            {
                "verbose" => OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE,
                "info" => OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO,
                "warning" => OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                "error" => OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
                _ => OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            },
        };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }
}
