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
}
