using GenWorld.Core.Dsp;

namespace GenWorld.Inference.Tests.Finishing;

public sealed class PolyphaseResamplerTests
{
    [Theory]
    [InlineData(16000, 48000)]
    [InlineData(16000, 44100)]
    [InlineData(48000, 16000)]
    public void Passband_tones_keep_their_amplitude_and_frequency(int from, int to)
    {
        var resampler = new PolyphaseResampler(from, to);
        double nyquist = Math.Min(from, to) / 2.0;
        Assert.InRange(resampler.PassbandEdgeHz, 0.85 * nyquist, nyquist);
        foreach (double hz in new[] { 100.0, 1000, 5000, 0.85 * nyquist })
        {
            float[] output = resampler.Process(Tones.Sine(hz, from, from)); // one second
            Assert.Equal(to, output.Length);
            double gainDb = Tones.Db(Tones.Amplitude(output, to, hz));
            Assert.True(Math.Abs(gainDb) < 0.02, $"{hz} Hz, {from}->{to}: {gainDb:F4} dB");
            // The tone is a clean sine at the new rate: the residual after removing it is tiny.
            float[] ideal = Tones.Sine(hz, to, to);
            double error = 0, energy = 0;
            for (int t = to / 4; t < 3 * to / 4; t++)
            {
                error += Math.Pow(output[t] - ideal[t], 2);
                energy += ideal[t] * ideal[t];
            }
            Assert.True(Tones.Db(Math.Sqrt(error / energy)) < -60, $"{hz} Hz residual {Tones.Db(Math.Sqrt(error / energy)):F1} dB");
        }
    }

    [Theory]
    [InlineData(6000, 10000)]  // image of 6 kHz around the 16 kHz input rate
    [InlineData(7500, 8500)]   // an image right above Nyquist, the hardest case
    [InlineData(1000, 15000)]
    public void Upsampling_16k_to_48k_leaves_no_images(double tone, double image)
    {
        float[] output = new PolyphaseResampler(16000, 48000).Process(Tones.Sine(tone, 16000, 16000));
        double rejection = Tones.Db(Tones.Amplitude(output, 48000, image) / Tones.Amplitude(output, 48000, tone));
        Assert.True(rejection < -85, $"image at {image} Hz is {rejection:F1} dB");
    }

    [Theory]
    [InlineData(12000, 4000)]
    [InlineData(8500, 7500)]
    [InlineData(20000, 4000)]
    public void Downsampling_48k_to_16k_does_not_alias(double tone, double alias)
    {
        float[] output = new PolyphaseResampler(48000, 16000).Process(Tones.Sine(tone, 48000, 48000));
        double level = Tones.Db(Tones.Amplitude(output, 16000, alias));
        Assert.True(level < -85, $"{tone} Hz aliased to {alias} Hz at {level:F1} dB");
    }

    [Fact]
    public void Same_rate_is_an_exact_copy_and_lengths_round_up()
    {
        float[] input = Tones.Sine(440, 16000, 1000);
        Assert.Equal(input, new PolyphaseResampler(16000, 16000).Process(input));
        var to44 = new PolyphaseResampler(16000, 44100);
        Assert.Equal(45159, to44.OutputLength(16384)); // 45158.4 rounded up
        Assert.Equal(49152, new PolyphaseResampler(16000, 48000).OutputLength(16384));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(16000, 0));
    }

    [Fact]
    public void Odd_rate_pairs_compute_coefficients_on_the_fly_with_the_same_quality()
    {
        // 16000 -> 44101: 44101 phases, too many to table.
        float[] output = new PolyphaseResampler(16000, 44101).Process(Tones.Sine(3000, 16000, 16000));
        Assert.True(Math.Abs(Tones.Db(Tones.Amplitude(output, 44101, 3000))) < 0.02);
        Assert.True(Tones.Db(Tones.Amplitude(output, 44101, 13000)) < -85);
    }
}
