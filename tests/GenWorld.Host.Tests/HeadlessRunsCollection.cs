namespace GenWorld.Host.Tests;

/// <summary>Tests that run a whole headless world on the wall clock: one at a time, so their timings mean something.</summary>
[CollectionDefinition(Name)]
public sealed class HeadlessRunsCollection
{
    public const string Name = "headless runs";
}
