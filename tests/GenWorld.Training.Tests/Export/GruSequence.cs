using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>A GRU as a one-in, one-out module (its output sequence), so the layer parity cases can hold it.</summary>
internal sealed class GruSequence : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly GRU _gru;

    public GruSequence(long input, long hidden, long layers, bool batchFirst, bool bias = true) : base(nameof(GruSequence))
    {
        _gru = nn.GRU(input, hidden, layers, bias: bias, batchFirst: batchFirst);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _gru.forward(x, null).Item1;

    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs) => [scope.Export(_gru, inputs[0])];
}
