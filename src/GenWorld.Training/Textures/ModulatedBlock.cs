using GenWorld.Training.Export;
using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// One generator block whose features are modulated by the tile's style (StyleGAN's AdaIN on top of PixelNorm):
/// [nearest ×2 upsample, circular blur,] circular pad + 3×3 conv, PixelNorm, then x·(1 + s) + b with (s, b) a 1×1
/// conv of the style vector [N, S, 1, 1], then LeakyReLU. Without it the tile-wide code only entered at the stem and
/// every tile drew its fine structure from the same few motifs (one swirl across seeds); with it the code picks which
/// features are loud at every scale. The style is one vector per tile, so circular-shift equivariance is kept.
/// Exports as the same layers plus Slice, Add and Mul on the broadcast style.
/// </summary>
public sealed class ModulatedBlock : nn.Module<Tensor, Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _features;
    private readonly Conv2d _style;
    private readonly LeakyReLU _act;

    /// <summary>
    /// A block from <paramref name="inputs"/> to <paramref name="outputs"/> channels, styled by a vector of
    /// <paramref name="styleChannels"/>; <paramref name="upsample"/> doubles the size first (then blurs when
    /// <paramref name="blur"/>).
    /// </summary>
    public ModulatedBlock(int inputs, int outputs, int styleChannels, bool upsample, bool blur) : base(nameof(ModulatedBlock))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(styleChannels, 1);
        Outputs = outputs;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (upsample) layers.Add(("up", nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest)));
        if (upsample && blur) layers.Add(("blur", new CircularBlur2d(inputs)));
        layers.Add(("pad", new CircularPad2d(1)));
        layers.Add(("conv", nn.Conv2d(inputs, outputs, 3)));
        layers.Add(("norm", new PixelNorm()));
        _features = nn.Sequential(layers);
        _style = nn.Conv2d(styleChannels, 2 * outputs, 1);
        // Start close to the unmodulated block (s, b ≈ 0), so early training is the DCGAN that is known to train here.
        using (no_grad())
        {
            _style.weight!.mul_(0.25);
            _style.bias!.zero_();
        }
        _act = nn.LeakyReLU(0.2);
        RegisterComponents();
    }

    /// <summary>Output channels.</summary>
    public int Outputs { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input, Tensor style)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        using var scope = NewDisposeScope();
        Tensor x = _features.forward(input);
        Tensor st = _style.forward(style);
        Tensor scale = st.narrow(1, 0, Outputs), bias = st.narrow(1, Outputs, Outputs);
        return _act.forward(x * (scale + 1) + bias).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != 2) throw scope.Fail($"ModulatedBlock takes (features, style), got {inputs.Count} inputs.");
        var g = scope.Graph;
        string x = scope.Export(_features, inputs[0]);
        string st = scope.Export(_style, inputs[1]);
        string scale = g.Add(g.Slice(st, 1, 0, Outputs), g.AddScalar(1f));
        string bias = g.Slice(st, 1, Outputs, 2 * Outputs);
        return [scope.Export(_act, g.Add(g.Mul(x, scale), bias))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _features.Dispose();
            _style.Dispose();
            _act.Dispose();
        }
        base.Dispose(disposing);
    }
}
