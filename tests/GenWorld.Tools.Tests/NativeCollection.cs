namespace GenWorld.Tools.Tests;

/// <summary>Tests that open ONNX Runtime sessions and libtorch run one at a time.</summary>
[CollectionDefinition("Native", DisableParallelization = true)]
public sealed class NativeCollection;
