using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>
/// A two-head causal self-attention block that writes its own ONNX graph (the pattern the Transformer prior uses):
/// Split, Reshape, Transpose, MatMul, a causal mask sliced to the runtime sequence length, Where and Softmax.
/// </summary>
internal sealed class TinyCausalSelfAttention : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private const float Masked = -1e9f;
    private readonly Linear _qkv;
    private readonly Linear _proj;
    private readonly long _model;
    private readonly long _heads;
    private readonly long _maxLength;

    public TinyCausalSelfAttention(long model, long heads, long maxLength) : base(nameof(TinyCausalSelfAttention))
    {
        _model = model;
        _heads = heads;
        _maxLength = maxLength;
        _qkv = nn.Linear(model, 3 * model);
        _proj = nn.Linear(model, model);
        RegisterComponents();
    }

    private long HeadSize => _model / _heads;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], t = x.shape[1];
        Tensor[] parts = _qkv.forward(x).split(_model, -1);
        Tensor Heads(Tensor v) => v.reshape(n, t, _heads, HeadSize).transpose(1, 2);
        Tensor scores = Heads(parts[0]).matmul(Heads(parts[1]).transpose(-2, -1)) * (1 / Math.Sqrt(HeadSize));
        Tensor keep = ones(_maxLength, _maxLength).tril()[..(int)t, ..(int)t].to_type(ScalarType.Bool);
        Tensor attention = softmax(scores.masked_fill(keep.logical_not(), Masked), -1);
        Tensor y = attention.matmul(Heads(parts[2])).transpose(1, 2).reshape(n, t, _model);
        return _proj.forward(y).MoveToOuterDisposeScope();
    }

    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        var g = scope.Graph;
        string x = inputs[0];
        string[] parts = g.Split(scope.Export(_qkv, x), -1, _model, _model, _model);
        string q = g.Transpose(g.Reshape(parts[0], 0, 0, _heads, HeadSize), 0, 2, 1, 3);
        string kT = g.Transpose(g.Reshape(parts[1], 0, 0, _heads, HeadSize), 0, 2, 3, 1);
        string v = g.Transpose(g.Reshape(parts[2], 0, 0, _heads, HeadSize), 0, 2, 1, 3);
        string scores = g.Mul(g.MatMul(q, kT), g.AddScalar((float)(1 / Math.Sqrt(HeadSize))));

        // Lower-triangular mask for the longest sequence, cut to the runtime length T = shape(x)[1].
        float[] tril = new float[_maxLength * _maxLength];
        for (long r = 0; r < _maxLength; r++)
            for (long c = 0; c <= r; c++) tril[r * _maxLength + c] = 1;
        string t = g.Slice(g.Shape(x), 0, 1, 2);
        string mask = g.SliceDynamic(g.AddConstant(tril, _maxLength, _maxLength), g.AddInt64s(0, 0), g.Concat(0, t, t), g.AddInt64s(0, 1));
        string masked = g.Where(g.Cast(mask, OnnxElementType.Bool), scores, g.AddScalar(Masked));

        string y = g.MatMul(g.Softmax(masked, -1), v);
        y = g.Reshape(g.Transpose(y, 0, 2, 1, 3), 0, 0, _model);
        return [scope.Export(_proj, y)];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _qkv.Dispose();
            _proj.Dispose();
        }
        base.Dispose(disposing);
    }
}
