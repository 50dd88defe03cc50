namespace GenWorld.Rendering.Tests;

/// <summary>GL contexts, GLFW's global state and the process environment (DISPLAY) are shared: one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeGlCollection : ICollectionFixture<XvfbFixture>
{
    public const string Name = "Native GL";
}
