namespace GenWorld.Training.Export.Emitters;

/// <summary>Every emitter the exporter ships with.</summary>
internal static class BuiltInEmitters
{
    public static IEnumerable<IOnnxLayerEmitter> All() =>
    [
        new LinearEmitter(),
        new ConvolutionEmitter(),
        .. ActivationEmitters.All(),
        .. NormalizationEmitters.All(),
        .. ShapeEmitters.All(),
        new EmbeddingEmitter(),
        new GruEmitter(),
        new SequentialEmitter(),
    ];
}
