using GenWorld.Core.Audio;
using NVorbis;

namespace GenWorld.Content.Audio;

/// <summary>Decodes WAV (GenWorld.Core WavFile), Ogg Vorbis (NVorbis), MP3 (NLayer) and FLAC (through ffmpeg, if installed) to float PCM.</summary>
public static class AudioDecoder
{
    /// <summary>Decodes a file by its extension. Throws <see cref="AudioDecodeException"/> with a countable reason.</summary>
    public static AudioClip Load(string path) => Decode(File.ReadAllBytes(path), Path.GetExtension(path), path);

    /// <summary>File extensions <see cref="Decode"/> reads (lower case, with the dot).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".wav", ".ogg", ".oga", ".mp3", ".flac"];

    /// <summary>Decodes bytes whose format is named by <paramref name="extension"/>.</summary>
    public static AudioClip Decode(byte[] data, string extension, string name = "(memory)")
    {
        var clip = extension.ToLowerInvariant() switch
        {
            ".wav" => DecodeWav(data, name),
            ".ogg" or ".oga" => DecodeVorbis(data, name),
            ".mp3" => Mp3Decoding.Decode(data, name),
            ".flac" => FlacViaFfmpeg.Decode(data, name),
            _ => throw new AudioDecodeException($"unsupported format {extension}", $"{name}: unsupported audio format '{extension}'"),
        };
        if (clip.Frames == 0 || clip.SampleRate <= 0)
            throw new AudioDecodeException("empty audio", $"{name}: decodes to zero samples");
        return clip;
    }

    private static AudioClip DecodeWav(byte[] data, string name)
    {
        try { return WavFile.Decode(data); }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new AudioDecodeException("corrupt wav", $"{name}: not a readable WAV ({e.Message})", e);
        }
    }

    private static AudioClip DecodeVorbis(byte[] data, string name)
    {
        try
        {
            using var reader = new VorbisReader(new MemoryStream(data), closeOnDispose: true);
            var channels = reader.Channels;
            var rate = reader.SampleRate;
            var samples = new List<float>((int)Math.Min(reader.TotalSamples * channels, 1 << 24));
            var buffer = new float[4096 * channels];
            int n;
            while ((n = reader.ReadSamples(buffer, 0, buffer.Length)) > 0)
                samples.AddRange(buffer.AsSpan(0, n));
            return new AudioClip([.. samples], channels, rate);
        }
        catch (Exception e) when (e is not AudioDecodeException and not OutOfMemoryException)
        {
            throw new AudioDecodeException("corrupt ogg", $"{name}: not a readable Ogg Vorbis stream ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
