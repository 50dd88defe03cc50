using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Core.Models;

namespace GenWorld.World.Anchors;

/// <summary>
/// anchors.json (an <see cref="AnchorHeader"/>) beside anchors.bin: "GWA1", count×latentSize latents (little-endian
/// float16 or float32), count uint16 labels, count pitch bytes (255 = none), then the ids as UTF-8 lines.
/// </summary>
public static class AnchorFile
{
    /// <summary>Header file name inside a model folder.</summary>
    public const string HeaderName = "anchors.json";

    /// <summary>Data file name inside a model folder.</summary>
    public const string DataName = "anchors.bin";

    private static readonly byte[] Magic = "GWA1"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Whether a model folder has anchors.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, HeaderName)) && File.Exists(Path.Combine(folder, DataName));

    /// <summary>Writes both files atomically (data first, so a header never points at a missing file).</summary>
    public static void Save(string folder, AnchorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        AnchorHeader h = set.Header;
        bool half = h.Precision == "float16";
        using var stream = new MemoryStream();
        stream.Write(Magic);
        Span<byte> b4 = stackalloc byte[4];
        foreach (float v in set.AllLatents)
        {
            if (half) { BinaryPrimitives.WriteHalfLittleEndian(b4, (Half)v); stream.Write(b4[..2]); }
            else { BinaryPrimitives.WriteSingleLittleEndian(b4, v); stream.Write(b4); }
        }
        foreach (Anchor a in set.Anchors) { BinaryPrimitives.WriteUInt16LittleEndian(b4, (ushort)a.Label); stream.Write(b4[..2]); }
        foreach (Anchor a in set.Anchors) stream.WriteByte(a.Pitch is int p ? (byte)p : (byte)255);
        foreach (Anchor a in set.Anchors) stream.Write(Encoding.UTF8.GetBytes(a.Id + "\n"));
        AtomicFile.WriteAllBytes(Path.Combine(folder, DataName), stream.ToArray());
        AtomicFile.WriteAllText(Path.Combine(folder, HeaderName), JsonSerializer.Serialize(h, Json));
    }

    /// <summary>Reads and checks both files; errors name the file and what is wrong.</summary>
    public static AnchorSet Load(string folder)
    {
        string headerPath = Path.Combine(folder, HeaderName), dataPath = Path.Combine(folder, DataName);
        if (!File.Exists(headerPath) || !File.Exists(dataPath))
            throw new FileNotFoundException($"{folder} has no anchors ({HeaderName} + {DataName}); make them with `genworld field encode --model {folder} --dataset DIR`.", headerPath);
        AnchorHeader header;
        try { header = JsonSerializer.Deserialize<AnchorHeader>(File.ReadAllText(headerPath), Json) ?? throw new InvalidDataException("null"); }
        catch (JsonException e) { throw new InvalidDataException($"{headerPath}: invalid JSON at {e.Path}: {e.Message}", e); }
        IReadOnlyList<string> errors = header.Validate();
        if (errors.Count > 0) throw new InvalidDataException($"{headerPath}: {string.Join(" ", errors)}");
        if (header.ModelHash is { } made && File.Exists(Path.Combine(folder, ModelManifest.FileName)) && ModelFileHash.OfModel(folder) is var now
            && !string.Equals(made, now, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{headerPath}: made by another model (model hash {made[..12]}…, this folder's model is {now[..12]}…): the model was re-exported or replaced; run `genworld field encode --model {folder} --dataset DIR` again.");

        // The header's count and latent size bound what the data may hold (ids ~ 256 bytes each at most).
        byte[] data = BoundedFile.ReadAllBytes(dataPath, 4 + ((long)header.Count * ((header.LatentSize * 4L) + 3 + 256)), "anchors file");
        int n = header.Count, width = header.Precision == "float16" ? 2 : 4;
        long fixedBytes = 4 + ((long)n * header.LatentSize * width) + (n * 2L) + n;
        if (data.Length < fixedBytes || !data.AsSpan(0, 4).SequenceEqual(Magic))
            throw new InvalidDataException($"{dataPath}: {data.Length} bytes; expected the GWA1 magic and at least {fixedBytes} bytes for {n} anchors of {header.LatentSize} {header.Precision}.");
        var latents = new float[n * header.LatentSize];
        int at = 4;
        for (int i = 0; i < latents.Length; i++, at += width)
            latents[i] = width == 2 ? (float)BinaryPrimitives.ReadHalfLittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(at));
        int labelsAt = at, pitchesAt = at + (n * 2);
        string[] ids = Encoding.UTF8.GetString(data, pitchesAt + n, data.Length - pitchesAt - n).Split('\n');
        if (ids.Length != n + 1 || ids[n].Length != 0)
            throw new InvalidDataException($"{dataPath}: expected {n} ids, found {ids.Length - 1}.");
        var anchors = new Anchor[n];
        for (int i = 0; i < n; i++)
        {
            byte pitch = data[pitchesAt + i];
            anchors[i] = new Anchor(i, ids[i], BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(labelsAt + (i * 2))), pitch == 255 ? null : pitch);
        }
        try { return new AnchorSet(header, anchors, latents); }
        catch (ArgumentException e) { throw new InvalidDataException($"{dataPath}: {e.Message}", e); }
    }
}
