namespace GenWorld.Training.Tests;

/// <summary>libtorch and ONNX Runtime hold process-wide native state (seeds, thread pools): run those tests one at a time.</summary>
[CollectionDefinition("Torch", DisableParallelization = true)]
public sealed class TorchCollection;
