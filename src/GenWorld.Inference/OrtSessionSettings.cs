using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference;

/// <summary>How to open an ONNX Runtime session.</summary>
/// <param name="Device">Which provider to try first.</param>
/// <param name="IntraOpThreads">Threads per operator; 0 lets ONNX Runtime choose (one per core).</param>
/// <param name="Optimization">Graph optimisation level applied when the session is created.</param>
/// <param name="CudaDeviceId">GPU ordinal used when CUDA is tried.</param>
/// <param name="AllowSpinning">
/// Let ORT's operator threads spin-wait between runs (ORT's default). Off here: in a game the spinning threads
/// take cores from the render and audio threads between sporadic requests.
/// </param>
public sealed record OrtSessionSettings(
    DevicePreference Device = DevicePreference.Auto,
    int IntraOpThreads = 0,
    GraphOptimizationLevel Optimization = GraphOptimizationLevel.ORT_ENABLE_ALL,
    int CudaDeviceId = 0,
    bool AllowSpinning = false)
{
    /// <summary>Defaults: Auto device, ORT-chosen threads, all graph optimisations.</summary>
    public static OrtSessionSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Device))
            throw new ArgumentException($"{nameof(Device)} = {(int)Device} is not a DevicePreference", nameof(Device));
        if (IntraOpThreads < 0)
            throw new ArgumentException($"{nameof(IntraOpThreads)} = {IntraOpThreads} must be 0 (ORT chooses) or positive", nameof(IntraOpThreads));
        if (!Enum.IsDefined(Optimization))
            throw new ArgumentException($"{nameof(Optimization)} = {(int)Optimization} is not a GraphOptimizationLevel", nameof(Optimization));
        if (CudaDeviceId < 0)
            throw new ArgumentException($"{nameof(CudaDeviceId)} = {CudaDeviceId} must be 0 or positive", nameof(CudaDeviceId));
    }
}
