using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>Builds either prior from its config.</summary>
public static class PriorModels
{
    /// <summary>A fresh model (weights from libtorch's current seed).</summary>
    public static nn.Module<Tensor, Tensor> Create(PriorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Architecture switch
        {
            PriorArchitecture.Transformer => new TransformerPrior(config),
            PriorArchitecture.Gru => new GruPrior(config),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Architecture, "unknown prior architecture"),
        };
    }

    /// <summary>Trainable parameter count.</summary>
    public static long ParameterCount(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    /// <summary>Checkpoint kind name of an architecture.</summary>
    public static string KindOf(PriorArchitecture architecture) =>
        architecture == PriorArchitecture.Transformer ? "transformer-prior" : "gru-prior";
}
