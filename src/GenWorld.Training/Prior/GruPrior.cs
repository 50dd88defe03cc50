using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>
/// The recurrent baseline: token embedding → stacked GRU → linear head, trained on the same windows as the
/// Transformer. It reads a window one step at a time (no parallelism across time when training), but generates
/// incrementally by carrying its hidden state, so each new token costs one step instead of a whole window.
/// </summary>
public sealed class GruPrior : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Embedding _tokens;
    private readonly GRU _gru;
    private readonly Dropout _dropout;
    private readonly Linear _head;

    /// <summary>Builds the model (weights from libtorch's current seed).</summary>
    public GruPrior(PriorConfig config) : base(nameof(GruPrior))
    {
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0 || config.Architecture != PriorArchitecture.Gru)
            throw new ArgumentException("Invalid GRU prior config: " + string.Join(" ", errors.DefaultIfEmpty("architecture must be gru.")), nameof(config));
        Config = config;
        _tokens = nn.Embedding(config.Vocabulary, config.Embedding);
        _gru = nn.GRU(config.Embedding, config.Width, config.Layers, batchFirst: true, dropout: config.Dropout);
        _dropout = nn.Dropout(config.Dropout);
        _head = nn.Linear(config.Width, config.Vocabulary);
        RegisterComponents();
    }

    /// <summary>The shape it was built with.</summary>
    public PriorConfig Config { get; }

    /// <summary>Tokens [N, T] → logits [N, T, V], from a zero hidden state.</summary>
    public override Tensor forward(Tensor tokens) => Step(tokens, null).Logits;

    /// <summary>Continues from <paramref name="hidden"/> (null: zeros); returns logits [N, T, V] and the new hidden state.</summary>
    public (Tensor Logits, Tensor Hidden) Step(Tensor tokens, Tensor? hidden)
    {
        using var scope = NewDisposeScope();
        (Tensor output, Tensor h) = _gru.forward(_dropout.forward(_tokens.forward(tokens)), hidden);
        Tensor logits = _head.forward(_dropout.forward(output));
        return (logits.MoveToOuterDisposeScope(), h.MoveToOuterDisposeScope());
    }

    /// <summary>Same signature as the Transformer (tokens → logits from a zero state), so one runtime sampler drives both.</summary>
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs) =>
        [scope.Export(_head, scope.Export(_gru, scope.Export(_tokens, inputs[0])))];
}
