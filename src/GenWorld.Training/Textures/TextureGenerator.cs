using GenWorld.Training.Export;
using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Tileable texture generator (DCGAN-style, fully convolutional, in the spirit of PSGAN): a spatial latent grid
/// [N, Z, h, w] becomes an RGB tile [N, 3, 16h, 16w] in [-1, 1]. Every convolution sees circularly padded input and
/// upsampling is nearest-neighbour, so the network is exactly equivariant to circular shifts of the grid: the
/// output wraps seamlessly, and the same weights make a 64×64 tile from a 4×4 grid or a 256×256 tile from 16×16.
/// Exports as one ONNX graph with dynamic N, h and w.
/// <para>
/// Global code (PSGAN's global part, derived from the grid itself so the runtime still feeds one iid N(0, 1) grid):
/// the first G latent channels are averaged over the grid, rescaled to unit RMS over channels, broadcast back over
/// the grid and concatenated to it before the stem. Without it every cell draws its own colour and material and
/// every tile averages out to the same brown; with it a tile can commit to one look over its whole area. The mean
/// over (h, w) is shift-invariant, so circular-shift equivariance (and with it the seamless wrap) is kept, and the
/// unit-RMS rescale makes a 4×4 and a 16×16 grid give codes of the same scale.
/// </para>
/// <para>
/// Style modulation (<c>styleChannels</c> S &gt; 0, needs a global code): the code also goes through a small mapping
/// network (two 1×1 convs) to a style vector that scales and shifts the normalised features of every block
/// (<see cref="ModulatedBlock"/>), so the tile-wide code shapes structure at every scale, not only the stem's input.
/// S = 0 (checkpoints from before it) builds the plain DCGAN body with its old parameter names.
/// </para>
/// </summary>
public sealed class TextureGenerator : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly PixelNorm _globalNorm;
    private readonly Sequential? _body;
    private readonly Sequential? _mapping;
    private readonly Sequential? _out;
    private readonly List<ModulatedBlock> _blocks = [];

    /// <summary>
    /// Builds the generator; channels go <paramref name="channels"/>, /2, /4, /8, /16 over four ×2 upsamplings.
    /// <paramref name="globalChannels"/> (0 = none, as in checkpoints from before the global code) of the latent
    /// channels also feed the tile-wide code. <paramref name="blur"/> adds a fixed circular binomial blur after each
    /// upsampling (off in checkpoints from before it, which have no such layer). <paramref name="styleChannels"/> &gt; 0
    /// modulates every block by a style mapped from the global code (needs <paramref name="globalChannels"/> &gt; 0).
    /// </summary>
    public TextureGenerator(int latentChannels, int channels, int globalChannels = 0, bool blur = false, int styleChannels = 0) : base(nameof(TextureGenerator))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentChannels, 1);
        if (channels < 16 || channels % 16 != 0)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Generator channels must be a multiple of 16.");
        if (globalChannels < 0 || globalChannels > latentChannels)
            throw new ArgumentOutOfRangeException(nameof(globalChannels), globalChannels, $"Global channels must be in [0, latent channels = {latentChannels}].");
        if (styleChannels < 0 || (styleChannels > 0 && globalChannels == 0))
            throw new ArgumentOutOfRangeException(nameof(styleChannels), styleChannels, "Style channels must be >= 0, and > 0 only with a global code.");
        LatentChannels = latentChannels;
        GlobalChannels = globalChannels;
        Blur = blur;
        StyleChannels = styleChannels;
        _globalNorm = new PixelNorm();
        if (styleChannels > 0)
        {
            _mapping = nn.Sequential(
                ("map0", nn.Conv2d(globalChannels, styleChannels, 1)), ("act0", nn.LeakyReLU(0.2)),
                ("map1", nn.Conv2d(styleChannels, styleChannels, 1)), ("act1", nn.LeakyReLU(0.2)));
            int width = channels;
            _blocks.Add(new ModulatedBlock(latentChannels + globalChannels, width, styleChannels, upsample: false, blur));
            for (int i = 0; i < 4; i++, width /= 2)
                _blocks.Add(new ModulatedBlock(width, width / 2, styleChannels, upsample: true, blur));
            for (int i = 0; i < _blocks.Count; i++) register_module($"styled{i}", _blocks[i]);
            _out = nn.Sequential(("pad_out", new CircularPad2d(1)), ("conv_out", nn.Conv2d(width, 3, 3)), ("tanh", nn.Tanh()));
            RegisterComponents();
            return;
        }
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        layers.AddRange(Block("stem", latentChannels + globalChannels, channels));
        int c = channels;
        for (int i = 0; i < 4; i++)
        {
            layers.Add(($"up{i}", nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest)));
            // Without it every 16-px latent cell kept hard edges through the network (bands and blocks), and the wrap
            // edge is one of those cell edges.
            if (blur) layers.Add(($"blur{i}", new CircularBlur2d(c)));
            layers.AddRange(Block($"block{i}", c, c / 2));
            c /= 2;
        }
        layers.Add(("pad_out", new CircularPad2d(1)));
        layers.Add(("conv_out", nn.Conv2d(c, 3, 3)));
        layers.Add(("tanh", nn.Tanh()));
        _body = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Latent channels per grid cell.</summary>
    public int LatentChannels { get; }

    /// <summary>Leading latent channels whose grid mean forms the tile-wide code (0 = none).</summary>
    public int GlobalChannels { get; }

    /// <summary>Whether a fixed circular binomial blur follows each nearest upsampling.</summary>
    public bool Blur { get; }

    /// <summary>Channels of the style vector that modulates every block (0 = no modulation).</summary>
    public int StyleChannels { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (latent.dim() != 4 || latent.shape[1] != LatentChannels)
            throw new ArgumentException($"Latent grid must be [N, {LatentChannels}, h, w], got [{string.Join(", ", latent.shape)}].", nameof(latent));
        if (GlobalChannels == 0) return _body!.forward(latent);
        using var scope = NewDisposeScope();
        Tensor local = latent.narrow(1, 0, GlobalChannels);
        // Summed in float64, so the mean is bit-identical for every circular shift of the grid (a float32 sum depends on
        // the order, and trained weights amplified that 1e-7 into 3e-4 differences between shifted tiles).
        Tensor mean = local.to_type(ScalarType.Float64).mean([2, 3], keepdim: true).to_type(latent.dtype);
        Tensor code = _globalNorm.forward(mean);
        Tensor input = cat([latent, code.expand(local.shape)], 1);
        if (_body is not null) return _body.forward(input).MoveToOuterDisposeScope();
        Tensor style = _mapping!.forward(code);
        Tensor x = input;
        foreach (ModulatedBlock block in _blocks) x = block.forward(x, style);
        return _out!.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        if (GlobalChannels == 0) return [scope.Export(_body!, inputs[0])];
        var g = scope.Graph;
        string local = g.Slice(inputs[0], 1, 0, GlobalChannels);
        string mean = g.AddNode("ReduceMean", [local], OnnxAttribute.Ints("axes", [2, 3]), OnnxAttribute.Int("keepdims", 1));
        string code = scope.Export(_globalNorm, mean);
        string input = g.Concat(1, inputs[0], g.AddNode("Expand", [code, g.Shape(local)]));
        if (_body is not null) return [scope.Export(_body, input)];
        string style = scope.Export(_mapping!, code);
        string x = input;
        foreach (ModulatedBlock block in _blocks) x = scope.Export(block, [x, style])[0];
        return [scope.Export(_out!, x)];
    }

    private static IEnumerable<(string, nn.Module<Tensor, Tensor>)> Block(string name, int inputs, int outputs) =>
    [
        ($"{name}_pad", new CircularPad2d(1)),
        ($"{name}_conv", nn.Conv2d(inputs, outputs, 3)),
        ($"{name}_norm", new PixelNorm()),
        ($"{name}_act", nn.LeakyReLU(0.2)),
    ];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body?.Dispose();
            _mapping?.Dispose();
            _out?.Dispose();
            foreach (ModulatedBlock block in _blocks) block.Dispose();
            _globalNorm.Dispose();
        }
        base.Dispose(disposing);
    }
}
