namespace GenWorld.Audio.Tests;

/// <summary>Every test that touches OpenAL's process-wide state (current context, backend choice) runs here, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenAlCollection
{
    public const string Name = "OpenAL";
}
