using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Core.Audio;

namespace GenWorld.Cli.Demo;

/// <summary>
/// The audio half of the smoke demo: a tone passes from the listener's left to right through OpenAL Soft's loopback
/// device (HRTF on), rendered into memory and written as a stereo WAV. Needs no sound card.
/// </summary>
internal static class SpatialSweep
{
    /// <summary>Result: where the energy was at the start and end of the pass.</summary>
    public sealed record Result(double StartLeft, double StartRight, double EndLeft, double EndRight, bool HrtfEnabled);

    /// <summary>Renders <paramref name="seconds"/> of the pass and writes it to <paramref name="wavPath"/>.</summary>
    public static Result Render(string wavPath, double seconds = 4)
    {
        const int rate = 48000;
        const int block = 480; // 10 ms: the source moves between blocks, as a game loop would move it between frames
        using var device = AlLoopbackDevice.Open(rate);
        using var context = device.CreateContext(new ContextAttributes { Hrtf = HrtfMode.On });
        using var buffer = context.CreateBuffer();
        using var source = context.CreateSource();

        buffer.Upload(Tone(rate), 1, rate);
        source.Buffer = buffer;
        source.Looping = true;
        source.Play();

        int blocks = (int)(seconds * rate / block);
        var mix = new float[blocks * block * 2];
        for (int b = 0; b < blocks; b++)
        {
            float t = (float)b / (blocks - 1);
            source.Position = new Vector3(-6f + (12f * t), 0f, -2f); // left to right, 2 m in front
            device.Render(mix.AsSpan(b * block * 2, block * 2));
        }

        WavFile.Write(wavPath, new AudioClip(mix, 2, rate));
        int quarter = mix.Length / 4;
        return new Result(Energy(mix, 0, quarter, 0), Energy(mix, 0, quarter, 1),
            Energy(mix, mix.Length - quarter, mix.Length, 0), Energy(mix, mix.Length - quarter, mix.Length, 1), device.IsHrtfEnabled);
    }

    /// <summary>A bright two-partial tone with a 4 Hz tremolo, one second long (loops seamlessly).</summary>
    private static float[] Tone(int rate)
    {
        var samples = new float[rate];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / rate;
            double tremolo = 0.75 + (0.25 * Math.Sin(2 * Math.PI * 4 * t));
            samples[i] = (float)(0.35 * tremolo * (Math.Sin(2 * Math.PI * 330 * t) + (0.5 * Math.Sin(2 * Math.PI * 990 * t))));
        }
        return samples;
    }

    private static double Energy(float[] stereo, int from, int to, int channel)
    {
        double sum = 0;
        for (int i = from + channel; i < to; i += 2) sum += stereo[i] * stereo[i];
        return sum;
    }
}
