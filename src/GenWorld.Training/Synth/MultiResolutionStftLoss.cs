using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// Multi-resolution STFT loss (as DDSP, Parallel WaveGAN and RAVE): over Hann FFT sizes 4096 down to 64 (hop a quarter),
/// spectral convergence 2‖|Y| − |X|‖_F / (‖|Y|‖_F + ‖|X|‖_F), which weighs the loud parts (the symmetric denominator keeps
/// a window of silence, the tail after a note's release, from dividing by nearly nothing), plus the mean L1 distance of log
/// magnitudes, which weighs quiet tails and the noise floor. The small sizes hold attacks to their millisecond, the
/// large ones hold partials to their bin.
/// </summary>
public sealed class MultiResolutionStftLoss : IDisposable
{
    /// <summary>The FFT sizes the issue asks for (64–4096).</summary>
    public static readonly int[] DefaultSizes = [4096, 2048, 1024, 512, 256, 128, 64];

    private readonly (int Size, Tensor Window)[] _resolutions;
    private readonly Scalar _epsilon = 1e-5, _two = 2;

    /// <summary>A loss over <paramref name="sizes"/> (default <see cref="DefaultSizes"/>).</summary>
    public MultiResolutionStftLoss(int[]? sizes = null)
    {
        _resolutions = [.. (sizes ?? DefaultSizes).Select(n => (n, hann_window(n).DetachFromDisposeScope()))];
    }

    /// <summary>Mean over resolutions of convergence + log-magnitude L1 between <paramref name="output"/> and <paramref name="target"/> [N, T].</summary>
    public Tensor Compute(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        Tensor total = zeros(1);
        foreach ((int n, Tensor window) in _resolutions)
        {
            Tensor x = Magnitude(output, n, window), y = Magnitude(target, n, window);
            Tensor convergence = x.sub(y).square().sum([1, 2]).sqrt().div(y.square().sum([1, 2]).sqrt().add(x.square().sum([1, 2]).sqrt()).add(_epsilon)).mean().mul(_two);
            Tensor logL1 = x.add(_epsilon).log().sub(y.add(_epsilon).log()).abs().mean();
            total = total.add(convergence).add(logL1);
        }
        using Scalar count = _resolutions.Length;
        return total.div(count).squeeze().MoveToOuterDisposeScope();
    }

    private static Tensor Magnitude(Tensor signal, int n, Tensor window) =>
        stft(signal, n, n / 4, n, window, center: true, return_complex: true).abs();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach ((_, Tensor w) in _resolutions) w.Dispose();
        _epsilon.Dispose();
        _two.Dispose();
    }
}
