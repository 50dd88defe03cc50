namespace GenWorld.Cli.Tests;

/// <summary>Tests that open GL contexts and OpenAL devices run one at a time.</summary>
[CollectionDefinition("Native", DisableParallelization = true)]
public sealed class NativeCollection;
