using GenWorld.Content.Audio;
using Xunit.Abstractions;

namespace GenWorld.Content.Tests.Audio;

/// <summary>The pitch estimator behind the sound models' pitch accuracy, checked on pure and harmonic tones over MIDI 36..84.</summary>
public sealed class YinSineTests(ITestOutputHelper output)
{
    [Fact]
    public void Sines_and_harmonic_tones_over_the_evaluated_range_come_back_within_a_few_cents()
    {
        double worstSine = 0, worstRich = 0;
        for (int midi = 36; midi <= 84; midi += 4)
        {
            double hz = 440 * Math.Pow(2, (midi - 69) / 12.0);
            float[] sine = [.. Enumerable.Range(0, 16384).Select(i => 0.5f * (float)Math.Sin(2 * Math.PI * hz * i / 16000))];
            float[] rich = [.. Enumerable.Range(0, 16384).Select(i => (float)Enumerable.Range(1, 6).Sum(h => 0.4 / h * Math.Sin(2 * Math.PI * h * hz * i / 16000 + h)))];
            worstSine = Math.Max(worstSine, Cents(sine, hz));
            worstRich = Math.Max(worstRich, Cents(rich, hz));
        }
        output.WriteLine($"YIN worst error over MIDI 36..84: sines {worstSine:F2} cents, 6-harmonic tones {worstRich:F2} cents");
        // Far inside the 50-cent tolerance of pitch accuracy; the residue is the parabolic lag interpolation at short periods.
        Assert.True(worstSine < 10, $"sines: worst error {worstSine:F2} cents");
        Assert.True(worstRich < 10, $"harmonic tones: worst error {worstRich:F2} cents");
    }

    private static double Cents(float[] tone, double hz)
    {
        double? f0 = PitchEstimator.Yin(tone, 16000);
        Assert.NotNull(f0);
        return Math.Abs(1200 * Math.Log2(f0!.Value / hz));
    }
}
