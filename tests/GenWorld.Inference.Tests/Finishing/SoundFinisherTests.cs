using GenWorld.Inference.Finishing;

namespace GenWorld.Inference.Tests.Finishing;

public sealed class SoundFinisherTests
{
    [Fact]
    public void A_tone_is_resampled_and_brought_to_the_loudness_target()
    {
        var finisher = new SoundFinisher(16000, new SoundFinishing(48000, TargetLufs: -20));
        float[] tone = [.. Tones.Sine(440, 16000, 16384, amplitude: 0.05).Select(v => v + 0.2f)]; // quiet, with DC
        float[] clip = finisher.Finish(tone);

        Assert.Equal(49152, clip.Length);
        Assert.Equal(-20, LoudnessMeter.Integrated(clip, 48000), 1);
        Assert.InRange(clip.Average(v => (double)v), -1e-3, 1e-3);
        Assert.Equal(0f, clip[0]);
        Assert.Equal(0f, clip[^1]);
        Assert.True(Math.Abs(clip[120]) < Math.Abs(clip.Skip(240).Take(200).Max()), "fade-in ramps up over 5 ms");
    }

    [Fact]
    public void A_spiky_clip_stops_at_the_peak_ceiling_instead()
    {
        var finisher = new SoundFinisher(16000, new SoundFinishing(16000, TargetLufs: -10, PeakCeilingDbfs: -1));
        var clicks = new float[16000];
        for (int i = 800; i < clicks.Length - 800; i += 4000) clicks[i] = 0.5f; // sparse impulses: quiet but peaky
        float[] clip = finisher.Finish(clicks);
        Assert.Equal(Math.Pow(10, -1 / 20.0), clip.Max(Math.Abs), 4);
        Assert.True(LoudnessMeter.Integrated(clip, 16000) < -10, "the ceiling won over the target");
    }

    [Fact]
    public void Silence_stays_silent_and_bad_options_name_the_field()
    {
        var finisher = new SoundFinisher(16000, SoundFinishing.Default);
        Assert.All(finisher.Finish(new float[16384]), v => Assert.Equal(0f, v));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new SoundFinisher(16000, new SoundFinishing(OutputRate: 0)));
        Assert.Equal("OutputRate", zero.ParamName);
        Assert.Contains("output rate", zero.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoundFinisher(16000, new SoundFinishing(TargetLufs: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoundFinisher(0, SoundFinishing.Default));
    }

    [Theory]
    [InlineData(48000)]
    [InlineData(16000)]
    public void A_handed_over_clip_finishes_to_the_same_samples_and_in_place_at_the_output_rate(int modelRate)
    {
        var finisher = new SoundFinisher(modelRate, SoundFinishing.Default);
        float[] tone = [.. Tones.Sine(330, modelRate, modelRate, amplitude: 0.3).Select(v => v + 0.1f)];
        float[] copied = finisher.Finish(tone);
        float[] owned = [.. tone];
        float[] finished = finisher.FinishOwned(owned);
        Assert.Equal(copied, finished);
        Assert.Equal(modelRate == 48000, ReferenceEquals(owned, finished));
        Assert.NotSame(tone, copied);
    }
}
