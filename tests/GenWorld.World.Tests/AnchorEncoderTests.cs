using GenWorld.Core.Audio;
using GenWorld.Inference.Generation;
using GenWorld.World.Anchors;

namespace GenWorld.World.Tests;

/// <summary>One encoder: a WAV placed in the field (anchors) and the same WAV given to <c>generate --between</c> get one latent.</summary>
[Collection(NativeCollection.Name)]
public sealed class AnchorEncoderTests(ShippedField field) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-encode-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(16000, 1)] // the model rate: no resampling
    [InlineData(44100, 2)] // another rate and stereo: both paths downmix and resample the same way (polyphase)
    public void A_wav_encoded_by_the_field_and_by_generate_gives_the_same_latent(int rate, int channels)
    {
        string wav = Path.Combine(_dir, $"tone-{rate}.wav");
        WavFile.Write(wav, Tone(rate, channels));

        float[] generate = new SoundEncoder(field.Model).Encode(WavFile.Read(wav)); // what `generate sound --between` does
        AnchorSet anchors = new AnchorEncoder(field.Model).Encode([new EncodeItem("tone", "test", 60, () => WavFile.Read(wav))], "family", "test");
        ReadOnlySpan<float> placed = anchors.Latent(0);

        Assert.Equal(generate.Length, placed.Length);
        for (int i = 0; i < generate.Length; i++)
        {
            // Anchors are stored as float16: the field's latent is the generate latent rounded once, nothing else.
            Assert.True(Math.Abs(placed[i] - (float)(Half)generate[i]) <= 1e-5, $"latent[{i}]: field {placed[i]} vs generate {generate[i]} (as float16 {(float)(Half)generate[i]})");
        }
    }

    /// <summary>1.2 s of a decaying 262 Hz tone with two partials.</summary>
    private static AudioClip Tone(int rate, int channels)
    {
        int frames = (int)(rate * 1.2);
        var samples = new float[frames * channels];
        for (int n = 0; n < frames; n++)
        {
            double t = (double)n / rate, v = Math.Exp(-2 * t) * ((0.5 * Math.Sin(2 * Math.PI * 262 * t)) + (0.2 * Math.Sin(2 * Math.PI * 524 * t)));
            for (int c = 0; c < channels; c++) samples[(n * channels) + c] = (float)v;
        }
        return new AudioClip(samples, channels, rate);
    }
}
