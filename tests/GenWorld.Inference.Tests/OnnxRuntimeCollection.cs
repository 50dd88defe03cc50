namespace GenWorld.Inference.Tests;

/// <summary>ONNX Runtime's native environment is process-wide; its tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnnxRuntimeCollection
{
    public const string Name = "OnnxRuntime";
}
