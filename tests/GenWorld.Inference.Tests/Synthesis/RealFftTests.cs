using GenWorld.Inference.Synthesis;

namespace GenWorld.Inference.Tests.Synthesis;

/// <summary>The real FFT against the complex one it is built on, and its inverse against its forward.</summary>
public sealed class RealFftTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(4096)]
    public void Its_bins_are_the_complex_transform_s_first_half_and_the_inverse_gives_the_signal_back(int size)
    {
        var random = new Random(size);
        float[] signal = [.. Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        float[] fullRe = (float[])signal.Clone(), fullIm = new float[size];
        new FloatFft(size).Transform(fullRe, fullIm, inverse: false);

        var fft = new RealFft(size);
        float[] re = new float[fft.Bins], im = new float[fft.Bins];
        fft.Forward(signal, re, im);
        float scale = MathF.Sqrt(size);
        for (int k = 0; k < fft.Bins; k++)
        {
            Assert.True(MathF.Abs(re[k] - fullRe[k]) < 1e-4f * scale, $"bin {k} re {re[k]} vs {fullRe[k]}");
            Assert.True(MathF.Abs(im[k] - fullIm[k]) < 1e-4f * scale, $"bin {k} im {im[k]} vs {fullIm[k]}");
        }
        Assert.Equal(0f, im[0]);
        Assert.Equal(0f, im[size / 2]);

        var back = new float[size];
        fft.Inverse(re, im, back);
        for (int n = 0; n < size; n++) Assert.True(MathF.Abs(back[n] - signal[n]) < 1e-5f, $"sample {n}: {back[n]} vs {signal[n]}");
    }

    [Fact]
    public void A_single_bin_inverts_to_its_cosine()
    {
        const int size = 256, bin = 5;
        var fft = new RealFft(size);
        float[] re = new float[fft.Bins], im = new float[fft.Bins];
        re[bin] = size / 2f; // a cosine of amplitude 1 puts N/2 in its bin and N/2 in its mirror, which a real spectrum implies
        var wave = new float[size];
        fft.Inverse(re, im, wave);
        for (int n = 0; n < size; n++)
        {
            double expected = Math.Cos(2 * Math.PI * bin * n / size);
            Assert.True(Math.Abs(wave[n] - expected) < 1e-5, $"sample {n}: {wave[n]} vs {expected}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(100)]
    public void A_size_that_is_not_a_power_of_two_of_at_least_8_is_refused(int size) =>
        Assert.Contains("power of two", Assert.Throws<ArgumentException>(() => new RealFft(size)).Message);
}
