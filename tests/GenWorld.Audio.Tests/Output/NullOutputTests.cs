using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;

namespace GenWorld.Audio.Tests;

public sealed class NullOutputTests
{
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void Silent_voices_last_as_long_as_their_clip_on_the_given_clock()
    {
        var time = new ManualTime();
        using var output = new NullAudioOutput("test", time);
        using IAudioSound half = output.Load(new AudioClip(new float[24000], 1, 48000));
        Assert.Equal(0.5, half.Seconds, 6);

        IAudioVoice once = output.Play(half, new VoiceSettings(Vector3.Zero));
        IAudioVoice fast = output.Play(half, new VoiceSettings(Vector3.Zero, Pitch: 2f));
        IAudioVoice loop = output.Play(half, new VoiceSettings(Vector3.Zero, Looping: true));
        time.Advance(TimeSpan.FromSeconds(0.3));
        Assert.Equal((true, false, true), (once.IsPlaying, fast.IsPlaying, loop.IsPlaying));
        time.Advance(TimeSpan.FromSeconds(0.3));
        Assert.Equal((false, true), (once.IsPlaying, loop.IsPlaying));
        loop.Stop();
        Assert.False(loop.IsPlaying);
    }

    [Fact]
    public void Bad_voice_settings_name_the_field()
    {
        using var output = new NullAudioOutput("test");
        using IAudioSound sound = output.Load(new AudioClip(new float[100], 1, 48000));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => output.Play(sound, new VoiceSettings(Vector3.Zero, Pitch: 0)));
        Assert.Equal("Pitch", e.ParamName);
    }
}
