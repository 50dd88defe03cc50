namespace GenWorld.Service.Tests;

/// <summary>Jobs train with libtorch, whose seeds and thread pool are process-wide: service tests run one at a time.</summary>
[CollectionDefinition("Service", DisableParallelization = true)]
public sealed class ServiceCollection;
