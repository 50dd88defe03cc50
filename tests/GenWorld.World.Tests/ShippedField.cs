using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.World.Anchors;
using GenWorld.World.Projection;

namespace GenWorld.World.Tests;

/// <summary>The shipped notes-vae (real ONNX, real anchors of the 9,282 dataset notes at 48 kHz), loaded once for the native collection.</summary>
public sealed class ShippedField : IDisposable
{
    private readonly Lazy<ModelFolder> _model = new(() => ModelFolder.Open(RepoPaths.Model("notes-vae"), new OrtSessionFactory(_ => { }),
        OrtSessionSettings.Default with { IntraOpThreads = 1 }));

    public AnchorSet Anchors { get; } = AnchorFile.Load(RepoPaths.Model("notes-vae"));

    public ModelFolder Model => _model.Value;

    public LatentProjection Projection => _projection ??= LatentProjection.Build(Anchors);

    private LatentProjection? _projection;

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
    }
}

/// <summary>ORT sessions, GL contexts and OpenAL devices are native and shared: one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeCollection : ICollectionFixture<ShippedField>
{
    public const string Name = "World native";
}
