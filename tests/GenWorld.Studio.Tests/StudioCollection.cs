namespace GenWorld.Studio.Tests;

/// <summary>Studio tests load real models and start real hosts: one at a time on this shared machine.</summary>
[CollectionDefinition("Studio", DisableParallelization = true)]
public sealed class StudioCollection;
