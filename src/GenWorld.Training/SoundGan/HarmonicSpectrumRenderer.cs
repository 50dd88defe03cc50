using GenWorld.Core.Dsp;
using GenWorld.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// The fixed, differentiable half of <see cref="HarmonicSoundGenerator"/>: per-frame harmonic and noise-band
/// amplitudes → the log-magnitude + IF representation of a note at the requested pitch. A harmonic of amplitude a at
/// frequency f adds the magnitude a Hann-windowed sinusoid really has in each bin near f (its window lobe, tabulated
/// per pitch); noise bands add mel-spaced triangles, roughened by a fixed Rayleigh pattern as real noise is. Magnitudes add (the lobes of neighbouring harmonics barely
/// overlap above ~125 Hz). The IF channel is what a steady sinusoid at the nearest harmonic gives: a phase advance of
/// 2π·f·hop/rate per frame, and frame 0 carries the window's −π·k phase, so one iSTFT rebuilds phase-coherent
/// partials. This is DDSP's inductive bias written in GANSynth's representation: the network learns timbre and
/// envelopes; the pitch is placed, not hoped for. Tables are plain tensors (not parameters, not in checkpoints).
/// </summary>
public sealed class HarmonicSpectrumRenderer : IDisposable
{
    /// <summary>How many bins either side of a harmonic its lobe is tabulated (Hann sidelobes are below −50 dB there).</summary>
    private const int LobeReach = 6;

    /// <summary>Rayleigh scale whose mean is 1 (mean = σ·√(π/2)).</summary>
    private static readonly double RayleighSigma = Math.Sqrt(2 / Math.PI);

    private readonly Tensor _lobes;       // [P, K·F]: magnitude per unit amplitude of harmonic k in bin f, per pitch
    private readonly Tensor _bands;       // [B, F]: noise band shapes
    private readonly Tensor _phase;       // [P, 2·F]: IF of frame 0, then of every later frame
    private readonly Tensor _firstFrame;  // [1, T, 1]: 1 at frame 0
    private readonly Tensor _laterFrames; // [1, T, 1]: 1 elsewhere
    private readonly Tensor _noiseTexture; // [T, F]: fixed Rayleigh draws of mean 1
    private readonly float[] _lobeData, _bandData, _phaseData, _firstData, _noiseTextureData;
    // Held for the renderer's lifetime: a temporary Scalar can be finalised while native code still reads it.
    private readonly Scalar _minusTwo = -2.0, _rayleighSigma = RayleighSigma;
    private readonly Scalar _epsilon = SpectralRepresentation.Epsilon, _logOffset = SpectralRepresentation.LogOffset, _logScale = SpectralRepresentation.LogScale;

    /// <summary>Tabulates lobes, bands and phases for <paramref name="config"/> (FFT size = 2 × bins).</summary>
    public HarmonicSpectrumRenderer(SoundGanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        int pitches = config.PitchClasses, k = config.Harmonics, bins = config.Bins, fft = 2 * bins;
        double rate = config.SampleRate, binHz = rate / fft;
        double[] window = [.. Enumerable.Range(0, fft).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / fft))];
        // Real-valued spectrum of the centred window at an offset of θ radians (the window is symmetric about fft/2).
        double Lobe(double theta)
        {
            double sum = 0;
            for (int i = 0; i < fft; i++) sum += window[i] * Math.Cos(theta * (i - fft / 2));
            return sum;
        }

        _lobeData = new float[pitches * k * bins];
        _phaseData = new float[pitches * 2 * bins];
        for (int p = 0; p < pitches; p++)
        {
            double f0 = MidiHz(config.PitchMin + p);
            for (int h = 1; h <= k; h++)
            {
                double centre = h * f0 / binHz;
                if (centre + 2 >= bins) break; // its main lobe would cross Nyquist: alias, so silent
                int lo = Math.Max(0, (int)Math.Floor(centre) - LobeReach), hi = Math.Min(bins - 1, (int)Math.Ceiling(centre) + LobeReach);
                for (int b = lo; b <= hi; b++)
                    _lobeData[(p * k + h - 1) * bins + b] = (float)(0.5 * Math.Abs(Lobe(2 * Math.PI * (b - centre) / fft)));
            }
            for (int b = 0; b < bins; b++)
            {
                int h = Math.Max(1, (int)Math.Round(b * binHz / f0));
                double f = h * f0;
                // Frame 0 of a cosine starting at sample 0: −π·bin, plus π where the lobe is negative (a sidelobe).
                double start = -Math.PI * b + (Lobe(2 * Math.PI * (b - f / binHz) / fft) < 0 ? Math.PI : 0);
                _phaseData[p * 2 * bins + b] = (float)(SpectralRepresentation.Wrap(start) / Math.PI);
                _phaseData[p * 2 * bins + bins + b] = (float)(SpectralRepresentation.Wrap(2 * Math.PI * f * config.Hop / rate) / Math.PI);
            }
        }
        _bandData = MelTriangles(config.NoiseBands, bins, rate);
        _noiseTextureData = RayleighTexture(config.Frames, bins);
        _firstData = new float[config.Frames];
        _firstData[0] = 1;
        _lobes = tensor(_lobeData, [pitches, (long)k * bins]).DetachFromDisposeScope();
        _bands = tensor(_bandData, [config.NoiseBands, bins]).DetachFromDisposeScope();
        _phase = tensor(_phaseData, [pitches, 2L * bins]).DetachFromDisposeScope();
        _firstFrame = tensor(_firstData, [1, config.Frames, 1]).DetachFromDisposeScope();
        _laterFrames = (1 - _firstFrame).DetachFromDisposeScope();
        _noiseTexture = tensor(_noiseTextureData, [config.Frames, bins]).DetachFromDisposeScope();
    }

    /// <summary>
    /// The fixed [Frames × Bins] pattern the noise magnitudes are multiplied by in inference and export: Rayleigh draws of mean 1, what the
    /// magnitude of real noise looks like bin by bin. A smooth noise floor would be a tell no generator could hide.
    /// </summary>
    public ReadOnlySpan<float> NoiseTexture => _noiseTextureData;

    /// <summary>
    /// Fresh Rayleigh draws of mean 1, [N, Frames, Bins], from libtorch's seeded generator. Training uses these: with one
    /// fixed pattern on every fake, the discriminator (minibatch-std above all) learned to spot the pattern after ~10k
    /// steps and the generator fell apart trying to hide it. Exported graphs keep the fixed pattern (deterministic).
    /// </summary>
    public Tensor RandomNoiseTexture(long n)
    {
        using var scope = NewDisposeScope();
        Tensor uniform = rand(n, Config.Frames, Config.Bins);
        return uniform.neg().log1p().mul(_minusTwo).sqrt().mul(_rayleighSigma).MoveToOuterDisposeScope();
    }

    /// <summary>The shape the tables were built for.</summary>
    public SoundGanConfig Config { get; }

    /// <summary>MIDI note → Hz (A4 = 440).</summary>
    public static double MidiHz(double midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    /// <summary>
    /// Pitch one-hot [N, P], harmonic amplitudes [N, T, K] and noise amplitudes [N, T, B] (linear, ≥ 0; a harmonic of
    /// amplitude a is a sinusoid of peak a) → representation [N, 2, T, F]. The noise roughness is the fixed
    /// <see cref="NoiseTexture"/> unless <paramref name="noiseTexture"/> ([N, T, F], e.g. <see cref="RandomNoiseTexture"/>
    /// while training) is given.
    /// </summary>
    public Tensor Render(Tensor pitchOneHot, Tensor harmonicAmplitudes, Tensor noiseAmplitudes, Tensor? noiseTexture = null)
    {
        ArgumentNullException.ThrowIfNull(pitchOneHot);
        ArgumentNullException.ThrowIfNull(harmonicAmplitudes);
        ArgumentNullException.ThrowIfNull(noiseAmplitudes);
        using var scope = NewDisposeScope();
        long n = pitchOneHot.shape[0], bins = Config.Bins;
        Tensor lobes = pitchOneHot.matmul(_lobes).reshape(n, Config.Harmonics, bins);
        Tensor magnitude = harmonicAmplitudes.matmul(lobes) + noiseAmplitudes.matmul(_bands) * (noiseTexture ?? _noiseTexture);
        Tensor logMagnitude = magnitude.add(_epsilon).log().add(_logOffset).div(_logScale);
        Tensor phase = pitchOneHot.matmul(_phase);
        Tensor first = phase[.., ..(int)bins].reshape(n, 1, bins), later = phase[.., (int)bins..].reshape(n, 1, bins);
        Tensor frequency = first * _firstFrame + later * _laterFrames;
        return stack([logMagnitude, frequency], 1).MoveToOuterDisposeScope();
    }

    /// <summary>The ONNX nodes of <see cref="Render"/>; returns the representation value [N, 2, T, F].</summary>
    public string Export(OnnxGraphBuilder g, string pitchOneHot, string harmonicAmplitudes, string noiseAmplitudes)
    {
        ArgumentNullException.ThrowIfNull(g);
        int pitches = Config.PitchClasses, bins = Config.Bins, frames = Config.Frames;
        string lobes = g.Reshape(g.MatMul(pitchOneHot, g.AddConstant(_lobeData, pitches, (long)Config.Harmonics * bins)), -1, Config.Harmonics, bins);
        string magnitude = g.Add(g.MatMul(harmonicAmplitudes, lobes),
            g.Mul(g.MatMul(noiseAmplitudes, g.AddConstant(_bandData, Config.NoiseBands, bins)), g.AddConstant(_noiseTextureData, frames, bins)));
        string log = g.AddNode("Log", [g.Add(magnitude, g.AddScalar((float)SpectralRepresentation.Epsilon))]);
        string logMagnitude = g.Div(g.Add(log, g.AddScalar((float)SpectralRepresentation.LogOffset)), g.AddScalar((float)SpectralRepresentation.LogScale));
        string[] phase = g.Split(g.MatMul(pitchOneHot, g.AddConstant(_phaseData, pitches, 2L * bins)), 1, bins, bins);
        string first = g.Reshape(phase[0], -1, 1, bins), later = g.Reshape(phase[1], -1, 1, bins);
        float[] laterData = [.. _firstData.Select(v => 1 - v)];
        string frequency = g.Add(g.Mul(first, g.AddConstant(_firstData, 1, frames, 1)), g.Mul(later, g.AddConstant(laterData, 1, frames, 1)));
        return g.Concat(1, g.Reshape(logMagnitude, -1, 1, frames, bins), g.Reshape(frequency, -1, 1, frames, bins));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lobes.Dispose();
        _bands.Dispose();
        _phase.Dispose();
        _firstFrame.Dispose();
        _laterFrames.Dispose();
        _noiseTexture.Dispose();
        _minusTwo.Dispose();
        _rayleighSigma.Dispose();
        _epsilon.Dispose();
        _logOffset.Dispose();
        _logScale.Dispose();
    }

    /// <summary>[bands, bins] triangles with peaks equally spaced in mel between 0 and Nyquist; together they sum to 1 at every bin.</summary>
    private static float[] MelTriangles(int bands, int bins, double rate)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        double top = Mel(rate / 2), binHz = rate / (2.0 * bins);
        double[] edges = [.. Enumerable.Range(0, bands + 2).Select(j => Hz(top * j / (bands + 1)))];
        var data = new float[bands * bins];
        for (int b = 0; b < bands; b++)
        {
            double lo = edges[b], centre = edges[b + 1], hi = edges[b + 2];
            for (int k = 0; k < bins; k++)
            {
                double f = k * binHz;
                // The outer bands stay flat beyond their peaks, so together the triangles sum to one at every bin.
                double rising = b == 0 ? 1 : (f - lo) / (centre - lo), falling = b == bands - 1 ? 1 : (hi - f) / (hi - centre);
                data[b * bins + k] = (float)Math.Clamp(Math.Min(rising, falling), 0, 1);
            }
        }
        return data;
    }

    private static float[] RayleighTexture(int frames, int bins)
    {
        // A fixed seed: the exported graph and every training step see the same pattern (recipes stay reproducible).
        var random = new Random(20261125);
        double sigma = RayleighSigma;
        return [.. Enumerable.Range(0, frames * bins).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()))))];
    }
}
