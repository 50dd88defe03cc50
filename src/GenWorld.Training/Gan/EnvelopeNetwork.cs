using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// The 1-D network both frame-control generators use (the 16 kHz harmonic GAN and the 48 kHz synthesis decoder): one
/// vector → Linear → (C × Frames/8) → three stages of ×2 nearest upsampling and two 3-wide convolutions (PixelNorm + SiLU
/// after each; channels C, C/2, C/2) → a 3-wide head with <c>outputs</c> channels per frame. Nearest upsampling then
/// convolutions, not transposed convolutions: the latter left a two-frame ripple in every envelope (the 1-D
/// checkerboard). Layer names are part of the checkpoints: keep them.
/// </summary>
public static class EnvelopeNetwork
{
    /// <summary>Upsampling stages (frames must be a multiple of 2^this).</summary>
    public const int Upsamplings = 3;

    /// <summary>The network as a plain Sequential of exporter-supported layers.</summary>
    public static Sequential Build(long inputSize, int channels, int frames, int outputs)
    {
        if (frames % (1 << Upsamplings) != 0) throw new ArgumentException($"frames must be a multiple of {1 << Upsamplings}, got {frames}.", nameof(frames));
        long start = frames >> Upsamplings;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("project", nn.Linear(inputSize, channels * start)),
            ("unflatten", nn.Unflatten(1, [channels, start])),
            ("norm_in", new PixelNorm()),
            ("act_in", nn.SiLU()),
        };
        int width = channels;
        for (int i = 0; i < Upsamplings; i++)
        {
            int next = i == 0 ? channels : channels / 2;
            layers.Add(($"up{i}", nn.Upsample(scale_factor: [2.0], mode: UpsampleMode.Nearest)));
            layers.Add(($"conv_a{i}", nn.Conv1d(width, next, 3, padding: 1)));
            layers.Add(($"norm_a{i}", new PixelNorm()));
            layers.Add(($"act_a{i}", nn.SiLU()));
            layers.Add(($"conv_b{i}", nn.Conv1d(next, next, 3, padding: 1)));
            layers.Add(($"norm_b{i}", new PixelNorm()));
            layers.Add(($"act_b{i}", nn.SiLU()));
            width = next;
        }
        layers.Add(("head", nn.Conv1d(width, outputs, 3, padding: 1)));
        return nn.Sequential(layers);
    }
}
