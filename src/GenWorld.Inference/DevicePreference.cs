namespace GenWorld.Inference;

/// <summary>Which execution provider a session should try first.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when it starts, otherwise CPU (the default).</summary>
    Auto,

    /// <summary>CPU only; CUDA is never tried.</summary>
    Cpu,

    /// <summary>CUDA wanted; still falls back to CPU (with a louder log line) rather than failing.</summary>
    Cuda,
}
