using GenWorld.Core.Dsp;

namespace GenWorld.Core.Tests.Dsp;

public sealed class FftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(512)]
    public void MatchesNaiveDft(int n)
    {
        var rng = new Random(n);
        double[] xr = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)];
        double[] xi = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)];
        double[] re = (double[])xr.Clone(), im = (double[])xi.Clone();
        Fft.Transform(re, im);
        double worst = 0;
        for (int k = 0; k < n; k++)
        {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++)
            {
                double a = -2 * Math.PI * k * t / n;
                sr += xr[t] * Math.Cos(a) - xi[t] * Math.Sin(a);
                si += xr[t] * Math.Sin(a) + xi[t] * Math.Cos(a);
            }
            worst = Math.Max(worst, Math.Max(Math.Abs(sr - re[k]), Math.Abs(si - im[k])));
        }
        Assert.True(worst < 1e-9, $"max |FFT - DFT| = {worst}");
        Fft.Transform(re, im, inverse: true);
        for (int t = 0; t < n; t++)
        {
            Assert.Equal(xr[t], re[t], 1e-12);
            Assert.Equal(xi[t], im[t], 1e-12);
        }
    }

    [Fact]
    public void RejectsNonPowerOfTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => Fft.Transform(new double[12], new double[12]));
        Assert.Contains("power of two", e.Message);
    }
}
