namespace GenWorld.Audio.Tests;

/// <summary>Test signals and energy measurements on interleaved stereo mixes.</summary>
internal static class Signals
{
    public const int Rate = 48000;

    /// <summary>A mono sine; pick lengths holding whole cycles so it loops without a click.</summary>
    public static float[] Sine(double hz, int frames, float amplitude = 0.5f, int rate = Rate)
    {
        var samples = new float[frames];
        for (int i = 0; i < frames; i++) samples[i] = amplitude * (float)Math.Sin(2 * Math.PI * hz * i / rate);
        return samples;
    }

    /// <summary>Sum of squares of one channel (0 = left, 1 = right) over frames [from, to).</summary>
    public static double Energy(float[] stereo, int channel, int from = 0, int to = int.MaxValue)
    {
        to = Math.Min(to, stereo.Length / 2);
        double sum = 0;
        for (int f = from; f < to; f++)
        {
            double s = stereo[(2 * f) + channel];
            sum += s * s;
        }
        return sum;
    }

    /// <summary>L² + R² over frames [from, to).</summary>
    public static double Total(float[] stereo, int from = 0, int to = int.MaxValue) =>
        Energy(stereo, 0, from, to) + Energy(stereo, 1, from, to);

    /// <summary>Frequency of one channel over frames [from, to) from its upward zero crossings (interpolated).</summary>
    public static double ZeroCrossingHz(float[] stereo, int channel, int from, int to, int rate = Rate)
    {
        double first = double.NaN, last = double.NaN;
        int crossings = 0;
        for (int f = from + 1; f < to; f++)
        {
            float a = stereo[(2 * (f - 1)) + channel], b = stereo[(2 * f) + channel];
            if (a >= 0 || b < 0) continue;
            double at = f - 1 + (a / (a - b));
            if (double.IsNaN(first)) first = at;
            else crossings++;
            last = at;
        }
        return crossings == 0 ? 0 : crossings * rate / (last - first);
    }

    /// <summary>Largest |x[n] - x[n-1]| of one channel over frames [from, to): clicks show up as jumps.</summary>
    public static double MaxJump(float[] stereo, int channel, int from, int to)
    {
        double max = 0;
        for (int f = Math.Max(from, 1); f < Math.Min(to, stereo.Length / 2); f++)
            max = Math.Max(max, Math.Abs(stereo[(2 * f) + channel] - stereo[(2 * (f - 1)) + channel]));
        return max;
    }
}
