using GenWorld.Core.Dsp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The differentiable synthesiser behind the full-band decoder (DDSP's inductive bias at 48 kHz): an additive bank of
/// <see cref="SynthConfig.Harmonics"/> partials at k·f0 (f0 from the requested MIDI pitch, amplitudes linearly
/// interpolated between control frames, partials at or above 0.48·rate silenced), plus Gaussian noise shaped in the
/// frequency domain by mel-spaced band magnitudes (Hann overlap-add, hop = FFT/4), both passed through one learned
/// body/room impulse response with no gain at 0 Hz. <see cref="Render"/> can render any hop-aligned window of a clip
/// from the whole clip's controls, so training pays for a 0.3 s crop of a 2 s note while the network still writes the
/// whole note.
/// The C# runtime (GenWorld.Inference Synthesis) implements the same equations; a test holds them together.
/// </summary>
public sealed class HarmonicNoiseSynth : nn.Module
{
    private readonly SynthConfig _config;
    private readonly Parameter _impulse;
    private readonly Tensor _bandWeights, _window;

    /// <summary>Builds the synth; the impulse response starts as a unit impulse with a faint decaying tail.</summary>
    public HarmonicNoiseSynth(SynthConfig config) : base(nameof(HarmonicNoiseSynth))
    {
        _config = config;
        using (no_grad())
        {
            Tensor ir = randn(config.ImpulseLength).mul(1e-3).mul(exp(arange(config.ImpulseLength).to_type(ScalarType.Float32).mul(-6.0 / config.ImpulseLength)));
            ir[0] = tensor(1f);
            _impulse = new Parameter(ir);
        }
        RegisterComponents();
        // Constants rebuilt from the config (kept out of checkpoints).
        int bins = config.NoiseFftSize / 2 + 1;
        _bandWeights = tensor(NoiseBandLayout.Weights(config.NoiseBands, config.NoiseFftSize, config.SampleRate), [config.NoiseBands, bins]).DetachFromDisposeScope();
        _window = tensor(NoiseBandLayout.Window(config.NoiseFftSize)).DetachFromDisposeScope();
    }

    /// <summary>The learned impulse response's raw parameter [ImpulseLength]; the synth plays <see cref="EffectiveImpulse"/>.</summary>
    public Parameter Impulse => _impulse;

    /// <summary>
    /// The impulse response the synth convolves with (and the exporter writes): the parameter minus its mean, so its gain
    /// at 0 Hz is zero. Why: the STFT loss gives the few bins under ~20 Hz almost no weight, so a free response drifted
    /// to +25..+34 dB there (14 dB over its mid band) and every generated clip carried a sub-bass rumble that real
    /// clips lack: the first thing that gave the models away (log-mel 0-0.1 kHz, Cohen's d +0.7..+1.45).
    /// </summary>
    public Tensor EffectiveImpulse() => _impulse.sub(_impulse.mean());

    /// <summary>Samples of warm-up rendered before a window so the noise overlap-add and the impulse response are complete.</summary>
    public int WarmUp => ((_config.ImpulseLength + _config.NoiseFftSize + _config.Hop - 1) / _config.Hop) * _config.Hop;

    /// <summary>
    /// Audio [N, length] for samples [start, start + length) of the clips whose controls are given: harmonic amplitudes
    /// [N, H, F] (null when H = 0), noise magnitudes [N, B, F], f0 in Hz per clip. start and length are multiples of Hop.
    /// <paramref name="noise"/> optionally fixes the Gaussian draws (for parity tests); else they are fresh.
    /// </summary>
    public Tensor Render(Tensor? harmonics, Tensor noiseBands, double[]? f0, int start, int length, Tensor? noise = null)
    {
        int hop = _config.Hop;
        if (start % hop != 0 || length % hop != 0 || start < 0 || length <= 0 || start + length > _config.ClipLength)
            throw new ArgumentException($"window [{start}, {start + length}) must be hop-aligned ({hop}) inside the {_config.ClipLength}-sample clip.");
        using var scope = NewDisposeScope();
        int from = Math.Max(0, start - WarmUp);
        Tensor dry = NoiseSegment(noiseBands, from, start + length, noise);
        if (harmonics is not null && _config.Harmonics > 0)
            dry = dry.add(HarmonicSegment(harmonics, f0 ?? throw new ArgumentNullException(nameof(f0)), from, start + length));
        Tensor wet = Convolve(dry);
        return wet[.., (start - from)..].MoveToOuterDisposeScope();
    }

    /// <summary>Gaussian draws the noise path would take for a window, [N, frames, bins, 2] (real, imaginary).</summary>
    public long[] NoiseShape(long clips, int start, int length)
    {
        var (m0, m1) = NoiseFrames(Math.Max(0, start - WarmUp), start + length);
        return [clips, m1 - m0 + 1, _config.NoiseFftSize / 2 + 1, 2];
    }

    /// <summary>
    /// Partials of one window: Σ_k a_k(n)·sin(2π·k·f0·n/rate), phase exact from sample 0 (the window's start phase in
    /// float64, the advance within it in float32: under 0.001 cycle of error for every audible partial). Amplitudes are
    /// linear between frames, so frame j is A_j·S_j + ((A_{j+1} − A_j)·S_j)∘ramp with S_j the [partials × hop] sine
    /// table: two batched products instead of an amplitude tensor per sample, and only partials below 0.48·rate for the
    /// lowest pitch in the batch are computed.
    /// </summary>
    private Tensor HarmonicSegment(Tensor harmonics, double[] f0, int a, int b)
    {
        int hop = _config.Hop, nf = (b - a) / hop;
        long n = harmonics.shape[0];
        int k = Math.Min(_config.Harmonics, Math.Max(1, (int)Math.Ceiling(0.48 * _config.SampleRate / f0.Min())));
        Tensor table;
        using (no_grad())
        {
            var start = new float[n * k];
            var step = new float[n * k];
            var mask = new float[n * k];
            for (int c = 0; c < n; c++)
                for (int h = 0; h < k; h++)
                {
                    double hz = f0[c] * (h + 1), perSample = hz / _config.SampleRate;
                    step[c * k + h] = (float)perSample;
                    start[c * k + h] = (float)(perSample * a % 1.0);
                    mask[c * k + h] = hz < 0.48 * _config.SampleRate ? 1 : 0;
                }
            Tensor position = arange(b - a, ScalarType.Float32).reshape(1, nf, 1, hop);
            using Scalar turn = 2 * Math.PI;
            table = tensor(step, [n, 1, k, 1]).mul(position).add_(tensor(start, [n, 1, k, 1])).frac_()
                .mul_(turn).sin_().mul_(tensor(mask, [n, 1, k, 1])); // [N, nf, K, hop]
        }
        Tensor index = arange(a / hop, a / hop + nf + 1, ScalarType.Int64).clamp_max(_config.Frames - 1);
        Tensor frames = harmonics[.., ..k].index_select(2, index).transpose(1, 2).unsqueeze(2); // [N, nf + 1, 1, K]
        Tensor left = frames[.., ..nf], slope = frames[.., 1..].sub(left);
        using Scalar hopScalar = hop;
        Tensor ramp = arange(hop, ScalarType.Float32).div(hopScalar);
        return left.matmul(table).add(slope.matmul(table).mul(ramp)).reshape(n, (long)nf * hop);
    }

    /// <summary>Noise frames centred on m·FFT/4 overlapping [a, b), shaped, inverse transformed, overlap-added, cut to [a, b).</summary>
    private Tensor NoiseSegment(Tensor bands, int a, int b, Tensor? draws)
    {
        int nfft = _config.NoiseFftSize, hn = nfft / 4, bins = nfft / 2 + 1;
        var (m0, m1) = NoiseFrames(a, b);
        int m = m1 - m0 + 1;
        long n = bands.shape[0];
        // Band magnitudes at each noise frame's centre, linearly interpolated between control frames; frames centred
        // before sample 0 are silent (the clip starts there).
        var left = new long[m];
        var frac = new float[m];
        var live = new float[m];
        for (int i = 0; i < m; i++)
        {
            double pos = Math.Clamp((double)(m0 + i) * hn / _config.Hop, 0, _config.Frames - 1);
            left[i] = Math.Min((long)pos, _config.Frames - 2);
            frac[i] = (float)(pos - left[i]);
            live[i] = m0 + i >= 0 ? 1 : 0;
        }
        Tensor l = tensor(left);
        Tensor lo = bands.index_select(2, l), hi = bands.index_select(2, l.add(1));
        Tensor t = tensor(frac, [1, 1, m]);
        Tensor atFrames = lo.add(hi.sub(lo).mul(t)).mul(tensor(live, [1, 1, m])); // [N, B, M]
        Tensor magnitude = atFrames.transpose(1, 2).matmul(_bandWeights); // [N, M, bins]
        Tensor g = draws ?? randn(n, m, bins, 2);
        Tensor spectrum = complex(magnitude.mul(g[.., .., .., 0]), magnitude.mul(g[.., .., .., 1]));
        Tensor frames = fft.irfft(spectrum, nfft, 2).mul(_window); // [N, M, nfft]
        Tensor chunks = frames.reshape(n, m, 4, hn);
        Tensor sum = zeros(n, m + 3, hn);
        for (int q = 0; q < 4; q++) sum = sum.add(nn.functional.pad(chunks[.., .., q, ..], [0, 0, q, 3 - q]));
        using Scalar gain = NoiseBandLayout.OverlapGain;
        Tensor signal = sum.reshape(n, (m + 3) * hn).div(gain);
        int origin = m0 * hn - nfft / 2;
        return signal[.., (a - origin)..(b - origin)];
    }

    private (int First, int Last) NoiseFrames(int a, int b)
    {
        int hn = _config.NoiseFftSize / 4;
        return (a / hn - 2, (b - 1) / hn + 2);
    }

    /// <summary>Causal convolution with the learned impulse response (FFT), same length as the input.</summary>
    private Tensor Convolve(Tensor dry)
    {
        long length = dry.shape[1];
        long size = 1;
        while (size < length + _config.ImpulseLength) size <<= 1;
        Tensor x = fft.rfft(dry, size, 1), h = fft.rfft(EffectiveImpulse(), size, 0);
        return fft.irfft(x.mul(h), size, 1)[.., ..(int)length];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bandWeights.Dispose();
            _window.Dispose();
        }
        base.Dispose(disposing);
    }
}
