namespace GenWorld.Host.Tests;

/// <summary>EGL contexts share process-wide driver state: one GL test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeadlessGlCollection
{
    public const string Name = "Headless GL";
}
