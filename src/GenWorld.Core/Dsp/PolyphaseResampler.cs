using System.Numerics;
using System.Runtime.InteropServices;

namespace GenWorld.Core.Dsp;

/// <summary>
/// Band-limited sample-rate conversion by a rational factor L/M with a Kaiser-windowed sinc (offline, whole clips).
/// The cut-off is placed so the stopband (≥ ~90 dB down) starts exactly at the lower rate's Nyquist: upsampling leaves
/// no images, downsampling no aliases, and the passband is flat to about 0.89 × that Nyquist.
/// Output sample n sits at time n / outputRate, aligned with input sample 0 (no delay); the input is zero outside the clip.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Sinc zero crossings on each side of the kernel centre: sets the transition width (cost grows with it).</summary>
    public const int ZeroCrossings = 48;

    /// <summary>Stopband attenuation the Kaiser window is designed for, in dB.</summary>
    public const double StopbandDb = 90;

    private const int MaxTabledPhases = 2048; // beyond this (odd rate pairs) coefficients are computed per output sample

    private readonly int _up, _down, _taps;
    private readonly double _cutoffHz, _halfWidthSeconds, _beta, _besselBeta;
    private readonly float[]? _table; // phase-major: _taps coefficients per phase

    /// <summary>Designs the filter for <paramref name="inputRate"/> → <paramref name="outputRate"/> (both in Hz).</summary>
    public PolyphaseResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1, nameof(inputRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1, nameof(outputRate));
        InputRate = inputRate;
        OutputRate = outputRate;
        int g = Gcd(inputRate, outputRate);
        (_up, _down) = (outputRate / g, inputRate / g);
        // Kaiser design: transition width Δf = (A − 7.95) · fc / (14.36 · Z); put fc + Δf/2 on the lower Nyquist.
        double nyquist = Math.Min(inputRate, outputRate) / 2.0;
        double relativeWidth = (StopbandDb - 7.95) / (14.36 * ZeroCrossings);
        _cutoffHz = nyquist / (1 + relativeWidth / 2);
        PassbandEdgeHz = _cutoffHz * (1 - relativeWidth / 2);
        _halfWidthSeconds = ZeroCrossings / (2 * _cutoffHz);
        _beta = 0.1102 * (StopbandDb - 8.7);
        _besselBeta = BesselI0(_beta);
        _taps = 2 * (int)Math.Ceiling(_halfWidthSeconds * inputRate);
        if (_up <= MaxTabledPhases)
        {
            _table = new float[_up * _taps];
            for (int p = 0; p < _up; p++) Coefficients(p, _table.AsSpan(p * _taps, _taps));
        }
    }

    /// <summary>Input rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Highest frequency passed essentially unchanged (the design's passband edge), in Hz.</summary>
    public double PassbandEdgeHz { get; }

    /// <summary>Input samples each output sample is computed from.</summary>
    public int TapsPerOutput => _taps;

    /// <summary>Output samples for <paramref name="inputLength"/> input samples: the same duration, rounded up.</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * _up + _down - 1) / _down);

    /// <summary>Resamples a whole clip.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        if (_up == _down)
        {
            input.CopyTo(output);
            return output;
        }
        // Zero-padded so every kernel window lies inside the buffer: no bounds logic in the inner loop.
        int half = _taps / 2;
        var padded = new float[input.Length + 2 * _taps];
        input.CopyTo(padded.AsSpan(half));
        Span<float> scratch = _table is null ? new float[_taps] : default;
        for (int n = 0; n < output.Length; n++)
        {
            long position = (long)n * _down;
            int baseIndex = (int)(position / _up), phase = (int)(position % _up);
            ReadOnlySpan<float> coefficients;
            if (_table is not null) coefficients = _table.AsSpan(phase * _taps, _taps);
            else
            {
                Coefficients(phase, scratch);
                coefficients = scratch;
            }
            // Window covers input samples baseIndex − half + 1 … baseIndex + half, i.e. padded[baseIndex + 1 …].
            output[n] = Dot(padded.AsSpan(baseIndex + 1, _taps), coefficients);
        }
        return output;
    }

    /// <summary>Kernel for one phase, normalised to sum 1 so DC passes with unit gain at every phase.</summary>
    private void Coefficients(int phase, Span<float> destination)
    {
        int half = _taps / 2;
        double sum = 0;
        var values = new double[_taps];
        for (int j = 0; j < _taps; j++)
        {
            // Distance (seconds) from the output instant to input sample (base − half + 1 + j).
            double tau = ((double)phase / _up + half - 1 - j) / InputRate;
            values[j] = Kernel(tau);
            sum += values[j];
        }
        for (int j = 0; j < _taps; j++) destination[j] = (float)(values[j] / sum);
    }

    private double Kernel(double tau)
    {
        double r = tau / _halfWidthSeconds;
        if (Math.Abs(r) >= 1) return 0;
        double x = 2 * _cutoffHz * tau;
        double sinc = Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
        return sinc * BesselI0(_beta * Math.Sqrt(1 - r * r)) / _besselBeta;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a), vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int v = 0; v < va.Length; v++) acc += va[v] * vb[v];
            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Modified Bessel function of the first kind, order 0 (power series; converges fast for β ≤ 20).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (int k = 1; k < 64 && term > 1e-17 * sum; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }
        return sum;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
