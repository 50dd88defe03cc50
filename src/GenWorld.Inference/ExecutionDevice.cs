namespace GenWorld.Inference;

/// <summary>The device a session actually runs on.</summary>
public enum ExecutionDevice
{
    /// <summary>ONNX Runtime's CPU execution provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA execution provider (CPU still runs nodes CUDA lacks).</summary>
    Cuda,
}
