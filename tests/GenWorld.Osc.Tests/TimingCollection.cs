namespace GenWorld.Osc.Tests;

/// <summary>Measurements run alone, after the other tests, so parallel tests do not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
