using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Discriminator for texture tiles: four spectrally normalised stride-2 convolutions, minibatch-std, and a
/// spectrally normalised 1×1 head; the patch logits are averaged to one logit per image. Zero padding is fine here:
/// the discriminator judges realism, and is never exported. Any tile side that is a multiple of 16 works.
/// </summary>
public sealed class TextureDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly MinibatchStdDev _batchStd;
    private readonly Sequential _head;

    /// <summary>Builds the discriminator; channels go <paramref name="channels"/>, ×2, ×4, ×8.</summary>
    public TextureDiscriminator(int channels) : base(nameof(TextureDiscriminator))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int c = 3;
        for (int i = 0; i < 4; i++)
        {
            int next = channels << i;
            layers.Add(($"conv{i}", new SpectralNorm(nn.Conv2d(c, next, 4, stride: 2, padding: 1))));
            layers.Add(($"act{i}", nn.LeakyReLU(0.2)));
            c = next;
        }
        _features = nn.Sequential(layers);
        _batchStd = new MinibatchStdDev();
        _head = nn.Sequential(
            ("conv", new SpectralNorm(nn.Conv2d(c + 1, c, 3, padding: 1))),
            ("act", nn.LeakyReLU(0.2)),
            ("logit", new SpectralNorm(nn.Conv2d(c, 1, 1))));
        RegisterComponents();
    }

    /// <summary>One raw logit per image, [N].</summary>
    public override Tensor forward(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[1] != 3)
            throw new ArgumentException($"Images must be [N, 3, H, W], got [{string.Join(", ", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        Tensor x = _head.forward(_batchStd.forward(_features.forward(images)));
        return x.mean([1, 2, 3]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _features.Dispose();
            _batchStd.Dispose();
            _head.Dispose();
        }
        base.Dispose(disposing);
    }
}
