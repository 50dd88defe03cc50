using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of a Conv1d/Conv2d/Linear: forward uses W / σ(W), σ estimated by one
/// power-iteration step per training forward with a persistent vector u (a buffer, so checkpoints keep it).
/// Keeps the discriminator roughly 1-Lipschitz per layer; the export writes the effective weight W / σ.
/// </summary>
public sealed class SpectralNorm : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> _inner;
    private readonly Tensor _u;

    /// <summary>Wraps <paramref name="inner"/> (zero-padded convolution or linear layer); it is owned from now on.</summary>
    public SpectralNorm(nn.Module<Tensor, Tensor> inner, int powerIterations = 1) : base(nameof(SpectralNorm))
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is not (Conv1d or Conv2d or Linear))
            throw new ArgumentException($"SpectralNorm supports Conv1d, Conv2d and Linear, not {inner.GetType().Name}.", nameof(inner));
        if (inner is Convolution { padding_mode: not TorchSharp.PaddingModes.Zeros } c)
            throw new ArgumentException($"SpectralNorm needs a zero-padded convolution (pad explicitly in front), got padding_mode {c.padding_mode}.", nameof(inner));
        ArgumentOutOfRangeException.ThrowIfLessThan(powerIterations, 1);
        _inner = inner;
        PowerIterations = powerIterations;
        long rows = Weight.shape[0];
        using (no_grad())
            _u = nn.functional.normalize(randn(rows), p: 2, dim: 0);
        register_module("inner", _inner);
        register_buffer("u", _u);
    }

    /// <summary>Power-iteration steps per training forward.</summary>
    public int PowerIterations { get; }

    /// <summary>The wrapped layer (its stored weight is the un-normalised one).</summary>
    public nn.Module<Tensor, Tensor> Inner => _inner;

    private Parameter Weight => _inner switch
    {
        Convolution conv => conv.weight!,
        Linear linear => linear.weight!,
        _ => throw new InvalidOperationException("unreachable"),
    };

    /// <summary>W / σ(W); in training mode the power iteration advances first.</summary>
    public Tensor EffectiveWeight()
    {
        using var scope = NewDisposeScope();
        Tensor w = Weight;
        Tensor matrix = w.reshape(w.shape[0], -1);
        Tensor u, v;
        using (no_grad())
        {
            Tensor detached = matrix.detach();
            v = nn.functional.normalize(detached.t().matmul(_u), p: 2, dim: 0);
            if (training)
            {
                for (int i = 0; i < PowerIterations; i++)
                {
                    _u.copy_(nn.functional.normalize(detached.matmul(v), p: 2, dim: 0));
                    v = nn.functional.normalize(detached.t().matmul(_u), p: 2, dim: 0);
                }
            }
            // A copy: the next forward updates _u in place, which would corrupt this graph's saved tensors.
            u = _u.clone();
        }
        // σ keeps its gradient path through W, as in the paper; u and v are constants.
        Tensor sigma = u.dot(matrix.matmul(v));
        return (w / sigma).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor w = EffectiveWeight();
        Tensor y = _inner switch
        {
            Linear linear => nn.functional.linear(input, w, linear.bias),
            Conv1d conv => nn.functional.conv1d(input, w, conv.bias, conv.stride[0], conv.padding![0], conv.dilation[0], conv.groups),
            Conv2d conv => nn.functional.conv2d(input, w, conv.bias, conv.stride, conv.padding, conv.dilation, conv.groups),
            _ => throw new InvalidOperationException("unreachable"),
        };
        return y.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        bool wasTraining = training;
        eval();
        try
        {
            using var weight = EffectiveWeight().detach();
            return _inner switch
            {
                Linear linear => [OnnxLayers.Linear(scope, linear, inputs[0], weight)],
                Convolution conv => [OnnxLayers.Convolution(scope, conv, inputs[0], weight)],
                _ => throw scope.Fail("unreachable"),
            };
        }
        finally
        {
            if (wasTraining) train();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _u.Dispose();
        }
        base.Dispose(disposing);
    }
}
