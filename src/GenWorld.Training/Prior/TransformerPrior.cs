using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>
/// A small decoder-only Transformer over note tokens, written to be read top to bottom:
/// tokens [N, T] → token embedding + learned positional embedding → <see cref="PriorConfig.Layers"/> pre-LN blocks
/// (x + attention(LN(x)), then x + MLP(LN(x))) → final LN → linear head → next-token logits [N, T, V].
/// Attention is causal: position t attends to positions ≤ t only, so one forward pass scores every next token of the
/// window at once (parallel training), and generation re-runs the window with one more token.
/// Every module writes its own ONNX graph with the same ops its forward uses (MatMul, Softmax, Where on a causal mask,
/// LayerNormalization, Gather), so the export is checked against this forward within 1e-4.
/// </summary>
public sealed class TransformerPrior : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Embedding _tokens;
    private readonly Embedding _positions;
    private readonly Dropout _dropout;
    private readonly Sequential _blocks;
    private readonly LayerNorm _norm;
    private readonly Linear _head;

    /// <summary>Builds the model (weights from libtorch's current seed).</summary>
    public TransformerPrior(PriorConfig config) : base(nameof(TransformerPrior))
    {
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0 || config.Architecture != PriorArchitecture.Transformer)
            throw new ArgumentException("Invalid Transformer prior config: " + string.Join(" ", errors.DefaultIfEmpty("architecture must be transformer.")), nameof(config));
        Config = config;
        _tokens = nn.Embedding(config.Vocabulary, config.Width);
        _positions = nn.Embedding(config.Context, config.Width);
        _dropout = nn.Dropout(config.Dropout);
        _blocks = nn.Sequential(Enumerable.Range(0, config.Layers).Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)new TransformerBlock(config))));
        _norm = nn.LayerNorm(config.Width);
        _head = nn.Linear(config.Width, config.Vocabulary);
        RegisterComponents();
        using (no_grad())
        {
            // GPT-2 style small init keeps the residual stream near unit scale at the start.
            foreach ((string name, var p) in named_parameters())
                if (name.EndsWith("weight", StringComparison.Ordinal) && p.dim() == 2) nn.init.normal_(p, 0, 0.02);
        }
    }

    /// <summary>The shape it was built with.</summary>
    public PriorConfig Config { get; }

    /// <summary>Tokens [N, T] (int64, T ≤ context) → logits [N, T, V].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        long t = tokens.shape[1];
        if (t > Config.Context) throw new ArgumentException($"window of {t} tokens is longer than the context {Config.Context}.", nameof(tokens));
        Tensor x = _tokens.forward(tokens) + _positions.forward(arange(t, dtype: ScalarType.Int64, device: tokens.device));
        x = _dropout.forward(x);
        x = _blocks.forward(x);
        return _head.forward(_norm.forward(x)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        var g = scope.Graph;
        string tokens = inputs[0];
        // Positions 0..T-1 are the first T rows of the positional table, T read from the input at run time.
        string t = g.Slice(g.Shape(tokens), 0, 1, 2);
        string positions = g.SliceDynamic(scope.AddParameter("positions", _positions.weight!), g.AddInt64s(0), t, g.AddInt64s(0));
        string x = g.Add(scope.Export(_tokens, tokens), positions);
        x = scope.Export(_blocks, x);
        return [scope.Export(_head, scope.Export(_norm, x))];
    }

    /// <summary>
    /// One pre-LN block: x + Attention(LN(x)), then x + MLP(LN(x)) with MLP = Linear(d, 4d) → GELU → Linear(4d, d).
    /// Normalising before each sublayer (not after, as in the original paper) keeps training stable without warm-up.
    /// </summary>
    private sealed class TransformerBlock : nn.Module<Tensor, Tensor>, IOnnxExportable
    {
        private readonly LayerNorm _norm1, _norm2;
        private readonly CausalSelfAttention _attention;
        private readonly Sequential _mlp;
        private readonly Dropout _dropout;

        public TransformerBlock(PriorConfig c) : base(nameof(TransformerBlock))
        {
            _norm1 = nn.LayerNorm(c.Width);
            _attention = new CausalSelfAttention(c.Width, c.Heads, c.Context);
            _norm2 = nn.LayerNorm(c.Width);
            _mlp = nn.Sequential(("up", nn.Linear(c.Width, 4 * c.Width)), ("gelu", nn.GELU()), ("down", nn.Linear(4 * c.Width, c.Width)));
            _dropout = nn.Dropout(c.Dropout);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            x = x + _dropout.forward(_attention.forward(_norm1.forward(x)));
            x = x + _dropout.forward(_mlp.forward(_norm2.forward(x)));
            return x.MoveToOuterDisposeScope();
        }

        public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
        {
            var g = scope.Graph;
            string x = g.Add(inputs[0], scope.Export(_attention, scope.Export(_norm1, inputs[0])));
            return [g.Add(x, scope.Export(_mlp, scope.Export(_norm2, x)))];
        }
    }

    /// <summary>
    /// Multi-head causal self-attention: one Linear makes queries, keys and values; each head computes
    /// softmax(Q Kᵀ / √d_head + mask) V, where the mask hides later positions; heads are concatenated and projected.
    /// </summary>
    private sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>, IOnnxExportable
    {
        private const float Hidden = -1e9f; // finite, so a fully hidden row could never produce NaN
        private readonly Linear _qkv, _out;
        private readonly long _width, _heads, _context;
        private readonly double _scale;
        // Held for the module's lifetime: temporary Scalars from implicit conversions can be finalised while native code reads them.
        private readonly TorchSharp.Scalar _scaleScalar, _hiddenScalar;

        public CausalSelfAttention(long width, long heads, long context) : base(nameof(CausalSelfAttention))
        {
            (_width, _heads, _context) = (width, heads, context);
            _scale = 1 / Math.Sqrt(width / heads);
            _scaleScalar = _scale;
            _hiddenScalar = Hidden;
            _qkv = nn.Linear(width, 3 * width);
            _out = nn.Linear(width, width);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long n = x.shape[0], t = x.shape[1], d = _width / _heads;
            Tensor[] qkv = _qkv.forward(x).split(_width, -1);
            // [N, T, W] → [N, heads, T, d]
            Tensor Heads(Tensor v) => v.reshape(n, t, _heads, d).transpose(1, 2);
            Tensor scores = Heads(qkv[0]).matmul(Heads(qkv[1]).transpose(-2, -1)).mul(_scaleScalar);
            Tensor future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
            Tensor weights = softmax(scores.masked_fill(future, _hiddenScalar), -1);
            Tensor y = weights.matmul(Heads(qkv[2])).transpose(1, 2).reshape(n, t, _width);
            return _out.forward(y).MoveToOuterDisposeScope();
        }

        public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
        {
            var g = scope.Graph;
            string x = inputs[0];
            long d = _width / _heads;
            string[] qkv = g.Split(scope.Export(_qkv, x), -1, _width, _width, _width);
            string q = g.Transpose(g.Reshape(qkv[0], 0, 0, _heads, d), 0, 2, 1, 3);
            string kT = g.Transpose(g.Reshape(qkv[1], 0, 0, _heads, d), 0, 2, 3, 1);
            string v = g.Transpose(g.Reshape(qkv[2], 0, 0, _heads, d), 0, 2, 1, 3);
            string scores = g.Mul(g.MatMul(q, kT), g.AddScalar((float)_scale));
            string weights = g.Softmax(g.Where(CausalMask(g, x), scores, g.AddScalar(Hidden)), -1);
            string y = g.Reshape(g.Transpose(g.MatMul(weights, v), 0, 2, 1, 3), 0, 0, _width);
            return [scope.Export(_out, y)];
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _scaleScalar.Dispose();
                _hiddenScalar.Dispose();
            }
            base.Dispose(disposing);
        }

        /// <summary>A constant lower-triangular [context, context] mask cut to the run-time [T, T] (true = may attend).</summary>
        private string CausalMask(OnnxGraphBuilder g, string x)
        {
            float[] lower = new float[_context * _context];
            for (long r = 0; r < _context; r++)
                for (long c = 0; c <= r; c++) lower[r * _context + c] = 1;
            string t = g.Slice(g.Shape(x), 0, 1, 2);
            string mask = g.SliceDynamic(g.AddConstant(lower, _context, _context), g.AddInt64s(0, 0), g.Concat(0, t, t), g.AddInt64s(0, 1));
            return g.Cast(mask, OnnxElementType.Bool);
        }
    }
}
