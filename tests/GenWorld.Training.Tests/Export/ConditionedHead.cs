using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>A two-input module (latent, condition) like a conditional generator's head: tanh(W[z; c]) * sigmoid(G c) * exp(-|c|).</summary>
internal sealed class ConditionedHead : nn.Module<Tensor, Tensor, Tensor>, IOnnxExportable
{
    private readonly Linear _body;
    private readonly Linear _gate;

    public ConditionedHead(long latent, long condition, long output) : base(nameof(ConditionedHead))
    {
        _body = nn.Linear(latent + condition, output);
        _gate = nn.Linear(condition, output);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z, Tensor c)
    {
        using var scope = NewDisposeScope();
        Tensor y = tanh(_body.forward(cat([z, c], -1))) * sigmoid(_gate.forward(c));
        return (y * exp(-c.abs().sum(-1, keepdim: true))).MoveToOuterDisposeScope();
    }

    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        var g = scope.Graph;
        string z = inputs[0], c = inputs[1];
        string y = g.Mul(g.Tanh(scope.Export(_body, g.Concat(-1, z, c))), g.Sigmoid(scope.Export(_gate, c)));
        string norm = g.AddNode("ReduceSum", [g.AddNode("Abs", [c]), g.AddInt64s(-1)], OnnxAttribute.Int("keepdims", 1));
        return [g.Mul(y, g.Exp(g.Sub(g.AddScalar(0), norm)))];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}
