using GenWorld.Core.Audio;
using NLayer;

namespace GenWorld.Content.Audio;

/// <summary>MPEG-1/2 layer III (and I/II) through NLayer, a fully managed decoder: no native codec to install.</summary>
internal static class Mp3Decoding
{
    /// <summary>Most samples decoded from one file (an hour of 48 kHz stereo): a bigger claim is a damaged or hostile stream.</summary>
    private const long MaxSamples = 3600L * 48000 * 2;

    public static AudioClip Decode(byte[] data, string name)
    {
        try
        {
            using var file = new MpegFile(new MemoryStream(data));
            int channels = file.Channels, rate = file.SampleRate;
            if (channels is < 1 or > 2 || rate <= 0)
                throw new AudioDecodeException("corrupt mp3", $"{name}: not a readable MP3 stream ({channels} channels at {rate} Hz)");
            var samples = new List<float>(Math.Min(data.Length * 12, 1 << 24));
            var buffer = new float[4096 * channels];
            int n;
            while ((n = file.ReadSamples(buffer, 0, buffer.Length)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, n));
                if (samples.Count > MaxSamples) throw new AudioDecodeException("too long", $"{name}: decodes to more than an hour of audio");
            }
            return new AudioClip([.. samples], channels, rate);
        }
        catch (Exception e) when (e is not AudioDecodeException and not OutOfMemoryException)
        {
            throw new AudioDecodeException("corrupt mp3", $"{name}: not a readable MP3 stream ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
