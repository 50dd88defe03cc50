namespace GenWorld.Core.Dsp;

/// <summary>
/// How the filtered-noise path of the full-band synthesiser spreads its band magnitudes over FFT bins: band centres
/// evenly spaced on the mel scale from 0 Hz to Nyquist, each bin's magnitude linearly interpolated between the two
/// nearest centres (flat beyond the outer ones), except the DC bin, which stays empty. One table for the TorchSharp
/// trainer and the C# runtime synthesiser.
/// </summary>
public static class NoiseBandLayout
{
    /// <summary>Interpolation weights [bands × (fftSize/2 + 1)], row-major: magnitude(bin) = Σ_b m_b·W[b, bin].</summary>
    public static float[] Weights(int bands, int fftSize, int sampleRate)
    {
        if (bands < 1) throw new ArgumentOutOfRangeException(nameof(bands), bands, "need at least one band.");
        int bins = fftSize / 2 + 1;
        double top = MelFilterbank.Mel(sampleRate / 2.0);
        double[] centres = [.. Enumerable.Range(0, bands).Select(b => bands == 1 ? 0 : MelFilterbank.Hz(top * b / (bands - 1)) * fftSize / sampleRate)];
        var w = new float[bands * bins];
        for (int k = 0; k < bins; k++)
        {
            if (k == 0) continue; // no DC: a frame's DC bin becomes a Hann-shaped bump, a rumble under 50 Hz real noise lacks
            if (k <= centres[0]) { w[k] = 1; continue; }
            if (k >= centres[^1]) { w[(bands - 1) * bins + k] = 1; continue; }
            int b = 0;
            while (centres[b + 1] < k) b++;
            double t = (k - centres[b]) / (centres[b + 1] - centres[b]);
            w[b * bins + k] = (float)(1 - t);
            w[(b + 1) * bins + k] = (float)t;
        }
        return w;
    }

    /// <summary>The periodic Hann window of the noise overlap-add.</summary>
    public static float[] Window(int fftSize) =>
        [.. Enumerable.Range(0, fftSize).Select(i => (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / fftSize)))];

    /// <summary>Σ w² of the periodic Hann window at hop fftSize/4: the overlap-add gain the synthesiser divides by.</summary>
    public const float OverlapGain = 1.5f;
}
