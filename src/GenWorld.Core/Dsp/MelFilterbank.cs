namespace GenWorld.Core.Dsp;

/// <summary>
/// Triangular mel filters (HTK mel scale, area not normalised: each filter peaks at 1) over the bins 0..FftSize/2 of
/// one FFT size. Used by <see cref="LogMelSpectrogram"/> for the full-band encoder input and evaluation features.
/// </summary>
public sealed class MelFilterbank
{
    private readonly (int First, float[] Weights)[] _filters;

    /// <summary>Builds <paramref name="bands"/> filters spanning [<paramref name="minHz"/>, <paramref name="maxHz"/>].</summary>
    public MelFilterbank(int fftSize, int sampleRate, int bands, double minHz = 0, double? maxHz = null)
    {
        if (bands < 1) throw new ArgumentOutOfRangeException(nameof(bands), bands, "need at least one band.");
        double top = maxHz ?? sampleRate / 2.0;
        if (minHz < 0 || top <= minHz || top > sampleRate / 2.0) throw new ArgumentException($"mel range {minHz}..{top} Hz does not fit {sampleRate} Hz.");
        Bands = bands;
        Bins = fftSize / 2 + 1;
        double lo = Mel(minHz), hi = Mel(top);
        double[] edges = [.. Enumerable.Range(0, bands + 2).Select(i => Hz(lo + (hi - lo) * i / (bands + 1)) * fftSize / sampleRate)];
        _filters = new (int, float[])[bands];
        for (int b = 0; b < bands; b++)
        {
            double left = edges[b], centre = edges[b + 1], right = edges[b + 2];
            int first = (int)Math.Ceiling(left), last = Math.Min(Bins - 1, (int)Math.Floor(right));
            // A filter narrower than one bin still gets the bin nearest its centre, so no band is empty at low frequencies.
            if (last < first) { first = last = Math.Clamp((int)Math.Round(centre), 0, Bins - 1); }
            var w = new float[last - first + 1];
            for (int k = first; k <= last; k++)
                w[k - first] = (float)Math.Max(0, k <= centre ? (k - left) / Math.Max(centre - left, 1e-9) : (right - k) / Math.Max(right - centre, 1e-9));
            if (w.All(v => v == 0)) w[Math.Clamp((int)Math.Round(centre) - first, 0, w.Length - 1)] = 1;
            _filters[b] = (first, w);
        }
    }

    /// <summary>Number of filters.</summary>
    public int Bands { get; }

    /// <summary>FFT bins the filters read (FftSize/2 + 1).</summary>
    public int Bins { get; }

    /// <summary>Filter energies of one power (or magnitude) spectrum into <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<double> spectrum, Span<float> output)
    {
        for (int b = 0; b < Bands; b++)
        {
            (int first, float[] w) = _filters[b];
            double sum = 0;
            for (int i = 0; i < w.Length; i++) sum += w[i] * spectrum[first + i];
            output[b] = (float)sum;
        }
    }

    /// <summary>HTK mel of a frequency.</summary>
    public static double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);

    /// <summary>Frequency of an HTK mel value.</summary>
    public static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
}
