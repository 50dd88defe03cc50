using GenWorld.Training.Export.Emitters;
using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>Layer emitters keyed by TorchSharp module type.</summary>
public sealed class OnnxEmitterRegistry
{
    private readonly Dictionary<Type, IOnnxLayerEmitter> _emitters = [];

    /// <summary>A registry holding every built-in emitter.</summary>
    public static OnnxEmitterRegistry CreateDefault()
    {
        var registry = new OnnxEmitterRegistry();
        foreach (IOnnxLayerEmitter emitter in BuiltInEmitters.All())
            registry.Register(emitter);
        return registry;
    }

    /// <summary>The module types that have an emitter.</summary>
    public IReadOnlyCollection<Type> SupportedTypes => _emitters.Keys;

    /// <summary>Adds or replaces the emitter for its module type.</summary>
    public void Register(IOnnxLayerEmitter emitter)
    {
        ArgumentNullException.ThrowIfNull(emitter);
        _emitters[emitter.ModuleType] = emitter;
    }

    /// <summary>
    /// The emitter for <paramref name="moduleType"/>, or for its nearest base type inside TorchSharp
    /// (BatchNorm1d → BatchNorm). A user subclass is never matched to a TorchSharp base, since its
    /// forward may differ; it must implement <see cref="IOnnxExportable"/>.
    /// </summary>
    public IOnnxLayerEmitter? Find(Type moduleType)
    {
        ArgumentNullException.ThrowIfNull(moduleType);
        var torchAssembly = typeof(nn.Module).Assembly;
        for (Type? t = moduleType; t is not null && t.Assembly == torchAssembly; t = t.BaseType)
        {
            if (_emitters.TryGetValue(t, out IOnnxLayerEmitter? emitter))
                return emitter;
        }
        return null;
    }
}
