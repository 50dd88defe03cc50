namespace GenWorld.Inference.Tests.Finishing;

/// <summary>Test signals and a windowed single-frequency probe, independent of the code under test.</summary>
internal static class Tones
{
    public static float[] Sine(double hz, int rate, int length, double amplitude = 1, double phase = 0) =>
        [.. Enumerable.Range(0, length).Select(t => (float)(amplitude * Math.Sin(2 * Math.PI * hz * t / rate + phase)))];

    /// <summary>Amplitude of the component at <paramref name="hz"/> over the middle half of the clip (Blackman–Harris window, exact frequency).</summary>
    public static double Amplitude(float[] clip, int rate, double hz)
    {
        int n = clip.Length / 2, start = clip.Length / 4;
        double re = 0, im = 0, windowSum = 0;
        for (int t = 0; t < n; t++)
        {
            double x = 2 * Math.PI * t / (n - 1);
            double w = 0.35875 - 0.48829 * Math.Cos(x) + 0.14128 * Math.Cos(2 * x) - 0.01168 * Math.Cos(3 * x);
            double a = 2 * Math.PI * hz * (start + t) / rate;
            re += w * clip[start + t] * Math.Cos(a);
            im += w * clip[start + t] * Math.Sin(a);
            windowSum += w;
        }
        return 2 * Math.Sqrt(re * re + im * im) / windowSum;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
