using System.Buffers.Binary;
using System.Text;
using GenWorld.Core.IO;

namespace GenWorld.Core.Audio;

/// <summary>RIFF/WAVE reading (PCM 8/16/24/32-bit, IEEE float 32/64, extensible) and writing.</summary>
public static class WavFile
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Sample rates accepted (8 kHz telephone to 384 kHz studio); anything else is a damaged or hostile header.</summary>
    public const int MinSampleRate = 8_000, MaxSampleRate = 384_000;

    /// <summary>Most channels accepted.</summary>
    public const int MaxChannels = 32;

    /// <summary>Largest WAV file read (about 45 minutes of 48 kHz stereo float).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>Reads a WAV file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static AudioClip Read(string path)
    {
        byte[] data = BoundedFile.ReadAllBytes(path, MaxFileBytes, "WAV file");
        AudioClip clip;
        try
        {
            clip = Decode(data);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        // A file clip with nothing in it is a mistake wherever it is used (training, encoding, --between).
        return clip.Frames > 0 ? clip : throw new InvalidDataException($"{path}: has no samples (its data chunk is empty).");
    }

    /// <summary>Decodes WAV bytes.</summary>
    public static AudioClip Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || !data[..4].SequenceEqual("RIFF"u8) || !data.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new InvalidDataException("not a RIFF/WAVE file");

        int pos = 12;
        ushort format = 0, channels = 0, bits = 0;
        int rate = 0;
        bool haveFormat = false;
        while (pos + 8 <= data.Length)
        {
            ReadOnlySpan<byte> id = data.Slice(pos, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(pos + 4, 4));
            int body = pos + 8;
            if (size < 0) throw new InvalidDataException("negative chunk size");
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > data.Length) throw new InvalidDataException("truncated fmt chunk");
                format = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 2, 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 14, 2));
                if (format == FormatExtensible && size >= 40 && body + 26 <= data.Length)
                    format = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 24, 2));
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new InvalidDataException("data chunk before fmt chunk");
                // A truncated file keeps the frames that are there: streaming writers often leave a wrong size.
                int available = Math.Min(size, data.Length - body);
                return DecodeSamples(data.Slice(body, available), format, channels, rate, bits);
            }
            pos = body + size + (size & 1);
        }
        throw new InvalidDataException(haveFormat ? "no data chunk" : "no fmt chunk");
    }

    // Validate, then allocate: the header is checked against sane ranges before a single sample array exists.
    private static AudioClip DecodeSamples(ReadOnlySpan<byte> pcm, ushort format, ushort channels, int rate, ushort bits)
    {
        if (channels is 0 or > MaxChannels) throw new InvalidDataException($"{channels} channels (the header is damaged: 1..{MaxChannels} are accepted)");
        if (rate is < MinSampleRate or > MaxSampleRate)
            throw new InvalidDataException($"sample rate {rate} Hz is outside {MinSampleRate}..{MaxSampleRate} Hz (the header is damaged or the file is not audio)");
        int bytesPerSample = bits / 8;
        bool supported = (format == FormatPcm && bits is 8 or 16 or 24 or 32) || (format == FormatFloat && bits is 32 or 64);
        if (!supported) throw new InvalidDataException($"unsupported encoding (format {format}, {bits} bits)");
        int frames = pcm.Length / (bytesPerSample * channels);
        var samples = new float[frames * channels];
        for (int i = 0; i < samples.Length; i++)
        {
            ReadOnlySpan<byte> s = pcm.Slice(i * bytesPerSample, bytesPerSample);
            samples[i] = (format, bits) switch
            {
                (FormatPcm, 8) => (s[0] - 128) / 128f,
                (FormatPcm, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
                (FormatPcm, 24) => ((s[0] << 8 | s[1] << 16 | s[2] << 24) >> 8) / 8388608f,
                (FormatPcm, 32) => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
                (FormatFloat, 32) => BinaryPrimitives.ReadSingleLittleEndian(s),
                _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
            };
            if (!float.IsFinite(samples[i])) throw new InvalidDataException($"sample {i / channels} is {samples[i]} (audio must be finite)");
        }
        return new AudioClip(samples, channels, rate);
    }

    /// <summary>Writes 16-bit PCM (default) or 32-bit float WAV atomically. Samples are clipped to [-1, 1] for PCM.</summary>
    public static void Write(string path, AudioClip clip, bool asFloat = false) =>
        AtomicFile.Write(path, stream => Encode(stream, clip, asFloat));

    /// <summary>Writes <paramref name="bits"/>-bit PCM (16 or 24) WAV atomically; samples are clipped to [-1, 1].</summary>
    public static void Write(string path, AudioClip clip, int bits) =>
        AtomicFile.Write(path, stream => Encode(stream, clip, bits));

    /// <summary>Encodes a clip as WAV into a stream: 16-bit PCM, or 32-bit float when <paramref name="asFloat"/>.</summary>
    public static void Encode(Stream stream, AudioClip clip, bool asFloat = false) => Encode(stream, clip, asFloat ? 32 : 16, asFloat);

    /// <summary>
    /// Encodes a clip as <paramref name="bits"/>-bit PCM (16 or 24; samples clipped to [-1, 1]) or, with
    /// <paramref name="asFloat"/>, 32-bit IEEE float.
    /// </summary>
    public static void Encode(Stream stream, AudioClip clip, int bits, bool asFloat = false)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(clip.SampleRate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(clip.Channels, 0);
        if (asFloat ? bits != 32 : bits is not (16 or 24)) throw new ArgumentOutOfRangeException(nameof(bits), bits, "WAV output is 16- or 24-bit PCM, or 32-bit float.");
        int bytesPerSample = bits / 8;
        int dataBytes = clip.Samples.Length * bytesPerSample;
        using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        w.Write("RIFF"u8);
        w.Write(36 + dataBytes);
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write(asFloat ? FormatFloat : FormatPcm);
        w.Write((ushort)clip.Channels);
        w.Write(clip.SampleRate);
        w.Write(clip.SampleRate * clip.Channels * bytesPerSample);
        w.Write((ushort)(clip.Channels * bytesPerSample));
        w.Write((ushort)bits);
        w.Write("data"u8);
        w.Write(dataBytes);
        var buffer = new byte[dataBytes];
        for (int i = 0; i < clip.Samples.Length; i++)
        {
            float v = clip.Samples[i];
            float clipped = Math.Clamp(float.IsNaN(v) ? 0f : v, -1f, 1f);
            switch (bits)
            {
                case 32: BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), v); break;
                case 16: BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(i * 2), (short)Math.Round(clipped * 32767f)); break;
                default:
                    int s24 = (int)Math.Round(clipped * 8388607.0);
                    buffer[i * 3] = (byte)s24;
                    buffer[(i * 3) + 1] = (byte)(s24 >> 8);
                    buffer[(i * 3) + 2] = (byte)(s24 >> 16);
                    break;
            }
        }
        w.Write(buffer);
    }
}
