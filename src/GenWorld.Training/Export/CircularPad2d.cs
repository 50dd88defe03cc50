using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// Wrap-around padding of the last two axes (N, C, H, W), so a following convolution sees a torus and the
/// generated texture tiles seamlessly. Trains in TorchSharp and exports as Slice + Concat.
/// </summary>
public sealed class CircularPad2d : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly long[] _pads;

    /// <summary>The same pad on all four sides.</summary>
    public CircularPad2d(long padding) : this(padding, padding, padding, padding) { }

    /// <summary>Pads in torch F.pad order: left, right, top, bottom.</summary>
    public CircularPad2d(long left, long right, long top, long bottom) : base(nameof(CircularPad2d))
    {
        _pads = [left, right, top, bottom];
        if (_pads.Any(p => p < 0))
            throw new ArgumentOutOfRangeException(nameof(left), $"Circular pads must be >= 0, got ({string.Join(", ", _pads)}).");
    }

    /// <summary>Pads (left, right, top, bottom).</summary>
    public IReadOnlyList<long> Pads => _pads;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() < 2)
            throw new ArgumentException($"CircularPad2d needs at least 2 dims, got shape [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        Tensor x = Wrap(input, -1, _pads[0], _pads[1]);
        x = Wrap(x, -2, _pads[2], _pads[3]);
        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        return [OnnxPadding.Circular(scope.Graph, inputs[0], _pads)];
    }

    private static Tensor Wrap(Tensor x, int dim, long before, long after)
    {
        long size = x.size(dim);
        if (before > size || after > size)
            throw new ArgumentException($"Circular pad ({before}, {after}) is larger than axis {dim} of size {size}.", nameof(x));
        var parts = new List<Tensor>(3);
        if (before > 0) parts.Add(x.narrow(dim, size - before, before));
        parts.Add(x);
        if (after > 0) parts.Add(x.narrow(dim, 0, after));
        return parts.Count == 1 ? x : torch.cat(parts, dim);
    }
}
