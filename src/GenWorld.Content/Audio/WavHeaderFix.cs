using System.Buffers.Binary;

namespace GenWorld.Content.Audio;

/// <summary>Sets the RIFF and data sizes of a WAV written to a pipe (where the writer leaves them 0 or 0xFFFFFFFF).</summary>
internal static class WavHeaderFix
{
    public static void PatchStreamedSizes(byte[] wav)
    {
        if (wav.Length < 12) return;
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        var pos = 12;
        while (pos + 8 <= wav.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(pos + 4));
            if (wav.AsSpan(pos, 4).SequenceEqual("data"u8))
            {
                BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(pos + 4), wav.Length - pos - 8);
                return;
            }
            if (size > int.MaxValue) return;
            pos += 8 + (int)size + (int)(size & 1);
        }
    }
}
