using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>
/// A weight-reparametrised layer (weight norm: W = g · V / ‖V‖ per output row), the shape a spectral-norm wrapper
/// takes: the stored weight is not the one forward uses, so the export must write the effective weight.
/// </summary>
internal sealed class WeightNormLinear : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Linear _inner;
    private readonly Parameter _gain;

    public WeightNormLinear(long inputs, long outputs) : base(nameof(WeightNormLinear))
    {
        _inner = nn.Linear(inputs, outputs);
        _gain = nn.Parameter(rand(outputs, 1) + 0.5);
        RegisterComponents();
    }

    public Tensor EffectiveWeight()
    {
        Tensor v = _inner.weight!;
        return _gain * v / v.norm(1, keepdim: true);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.linear(input, EffectiveWeight(), _inner.bias).MoveToOuterDisposeScope();
    }

    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        using var weight = EffectiveWeight().detach();
        return [OnnxLayers.Linear(scope, _inner, inputs[0], weight)];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _gain.Dispose();
        }
        base.Dispose(disposing);
    }
}
