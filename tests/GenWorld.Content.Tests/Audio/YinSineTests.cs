using GenWorld.Content.Audio;
using Xunit.Abstractions;

namespace GenWorld.Content.Tests.Audio;

/// <summary>The pitch estimator behind the sound models' pitch accuracy, checked on pure and harmonic tones over MIDI 36..84.</summary>
public sealed class YinSineTests(ITestOutputHelper output)
{
    [Fact]
    public void Sines_and_harmonic_tones_over_the_evaluated_range_come_back_within_a_few_cents()
    {
        double worst = 0;
        for (int midi = 36; midi <= 84; midi += 4)
        {
            double hz = 440 * Math.Pow(2, (midi - 69) / 12.0);
            float[] sine = [.. Enumerable.Range(0, 16384).Select(i => 0.5f * (float)Math.Sin(2 * Math.PI * hz * i / 16000))];
            float[] rich = [.. Enumerable.Range(0, 16384).Select(i => (float)Enumerable.Range(1, 6).Sum(h => 0.4 / h * Math.Sin(2 * Math.PI * h * hz * i / 16000 + h)))];
            foreach (float[] tone in new[] { sine, rich })
            {
                double? f0 = PitchEstimator.Yin(tone, 16000);
                Assert.NotNull(f0);
                double cents = 1200 * Math.Log2(f0!.Value / hz);
                worst = Math.Max(worst, Math.Abs(cents));
            }
        }
        output.WriteLine($"YIN worst error over MIDI 36..84 (sines and 6-harmonic tones): {worst:F2} cents");
        Assert.True(worst < 5, $"worst error {worst:F2} cents");
    }
}
