using System.Buffers.Binary;
using GenWorld.Core.Audio;

namespace GenWorld.Core.Tests;

public sealed class WavFileTests
{
    private static AudioClip Sine(int rate, int channels, double seconds)
    {
        int frames = (int)(rate * seconds);
        var samples = new float[frames * channels];
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < channels; c++)
                samples[(f * channels) + c] = 0.5f * MathF.Sin(2 * MathF.PI * 440 * (c + 1) * f / rate);
        return new AudioClip(samples, channels, rate);
    }

    [Theory]
    [InlineData(false, 1.0 / 32767)]
    [InlineData(true, 0.0)]
    public void Round_trip_keeps_samples_within_quantisation(bool asFloat, double tolerance)
    {
        AudioClip clip = Sine(16000, 2, 0.1);
        using var stream = new MemoryStream();
        WavFile.Encode(stream, clip, asFloat);
        AudioClip back = WavFile.Decode(stream.ToArray());

        Assert.Equal(2, back.Channels);
        Assert.Equal(16000, back.SampleRate);
        Assert.Equal(clip.Samples.Length, back.Samples.Length);
        double maxError = clip.Samples.Zip(back.Samples, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxError <= tolerance + 1e-7, $"max error {maxError}");
    }

    [Fact]
    public void Twenty_four_bit_pcm_decodes_signed_values()
    {
        byte[] wav = Header(format: 1, channels: 1, rate: 8000, bits: 24, dataBytes: 6);
        byte[] data = [0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80]; // +max, -max
        AudioClip clip = WavFile.Decode([.. wav, .. data]);
        Assert.Equal(2, clip.Frames);
        Assert.InRange(clip.Samples[0], 0.9999f, 1f);
        Assert.Equal(-1f, clip.Samples[1]);
    }

    [Fact]
    public void Stereo_to_mono_averages_channels()
    {
        var clip = new AudioClip([1f, 0f, 0.5f, -0.5f], 2, 8000);
        Assert.Equal(new[] { 0.5f, 0f }, clip.ToMono().Samples);
    }

    [Theory]
    [InlineData("not a RIFF/WAVE file")]
    [InlineData("unsupported encoding")]
    [InlineData("no data chunk")]
    public void Bad_files_give_a_clear_error(string expected)
    {
        byte[] bytes = expected switch
        {
            "not a RIFF/WAVE file" => "OggS and some garbage"u8.ToArray(),
            "unsupported encoding" => [.. Header(format: 2, channels: 1, rate: 8000, bits: 4, dataBytes: 2), 0, 0],
            _ => Header(format: 1, channels: 1, rate: 8000, bits: 16, dataBytes: 0)[..36],
        };
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Decode(bytes));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static byte[] Header(ushort format, ushort channels, int rate, ushort bits, int dataBytes)
    {
        var h = new byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(28), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), bits);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(40), dataBytes);
        return h;
    }
}
