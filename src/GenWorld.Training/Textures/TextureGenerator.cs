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
/// </summary>
public sealed class TextureGenerator : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _body;

    /// <summary>Builds the generator; channels go <paramref name="channels"/>, /2, /4, /8, /16 over four ×2 upsamplings.</summary>
    public TextureGenerator(int latentChannels, int channels) : base(nameof(TextureGenerator))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentChannels, 1);
        if (channels < 16 || channels % 16 != 0)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Generator channels must be a multiple of 16.");
        LatentChannels = latentChannels;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        layers.AddRange(Block("stem", latentChannels, channels));
        int c = channels;
        for (int i = 0; i < 4; i++)
        {
            layers.Add(($"up{i}", nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest)));
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

    /// <inheritdoc />
    public override Tensor forward(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (latent.dim() != 4 || latent.shape[1] != LatentChannels)
            throw new ArgumentException($"Latent grid must be [N, {LatentChannels}, h, w], got [{string.Join(", ", latent.shape)}].", nameof(latent));
        return _body.forward(latent);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        return [scope.Export(_body, inputs[0])];
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
        if (disposing) _body.Dispose();
        base.Dispose(disposing);
    }
}
