using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A short, checksummed text that names one generated sound or texture exactly, like sfxr's codes: "gw1_" + base64url of
/// [format 1 | kind | model name | 4 bytes of the model version's hash | pitch | label | latent as int16 steps of
/// 1/1000, or seed + tile size] + 4 bytes of SHA-256 over all of that. A sound's latent is stored on the 1/1000 grid and
/// read back as exactly the floats the page played (<see cref="Quantise"/>), so regenerating gives the same samples;
/// the version hash makes a code made by another model version fail with a clear message instead of sounding different.
/// </summary>
public sealed record RecipeCode
{
    /// <summary>Text every code starts with.</summary>
    public const string Prefix = "gw1_";

    /// <summary>Latent values are stored as integer multiples of this.</summary>
    public const float LatentStep = 1e-3f;

    private const byte Format = 1, None = 255;
    private const int MaxNameBytes = 64, MaxLatent = 1024, MaxCodeChars = 4096;

    /// <summary>A sound or a texture.</summary>
    public required RecipeKind Kind { get; init; }

    /// <summary>The model folder's name (e.g. notes-vae).</summary>
    public required string Model { get; init; }

    /// <summary>First 4 bytes of SHA-256 of the generator's version tag, as 8 hex digits.</summary>
    public required string VersionHash { get; init; }

    /// <summary>MIDI pitch of pitch-conditioned sound models.</summary>
    public int? Pitch { get; init; }

    /// <summary>Index into the model's label list, for label-conditioned models.</summary>
    public int? Label { get; init; }

    /// <summary>The sound's latent, on the <see cref="LatentStep"/> grid (empty for textures).</summary>
    public float[] Latent { get; init; } = [];

    /// <summary>The texture's seed (textures only).</summary>
    public int Seed { get; init; }

    /// <summary>The texture's tile size in pixels (textures only).</summary>
    public int Size { get; init; }

    /// <summary>The hash prefix <see cref="VersionHash"/> holds for a generator version tag.</summary>
    public static string HashOf(string generatorVersion) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(generatorVersion)).AsSpan(0, 4));

    /// <summary>
    /// <paramref name="latent"/> rounded to the code's grid, the floats a code reads back; generate from these so that
    /// what is heard and what the code regenerates are the same. Values are clamped to ±32.767 (int16 steps).
    /// </summary>
    public static float[] Quantise(ReadOnlySpan<float> latent)
    {
        var q = new float[latent.Length];
        for (int i = 0; i < q.Length; i++) q[i] = Step(latent[i]) * LatentStep;
        return q;
    }

    private static short Step(float v) =>
        float.IsFinite(v) ? (short)Math.Clamp(MathF.Round(v / LatentStep), short.MinValue + 1, short.MaxValue) : throw new ArgumentException($"latent value {v} is not finite.", nameof(v));

    /// <summary>The code text.</summary>
    public override string ToString()
    {
        byte[] name = Encoding.UTF8.GetBytes(Model);
        if (name.Length is 0 or > MaxNameBytes) throw new ArgumentException($"model name '{Model}' must be 1-{MaxNameBytes} bytes.", nameof(Model));
        if (Latent.Length > MaxLatent) throw new ArgumentException($"latent of {Latent.Length} values; codes hold at most {MaxLatent}.", nameof(Latent));
        using var body = new MemoryStream();
        body.WriteByte(Format);
        body.WriteByte((byte)Kind);
        body.WriteByte((byte)name.Length);
        body.Write(name);
        body.Write(Convert.FromHexString(VersionHash));
        body.WriteByte(Pitch is int p and >= 0 and < None ? (byte)p : None);
        body.WriteByte(Label is int l and >= 0 and < None ? (byte)l : None);
        Span<byte> b4 = stackalloc byte[4];
        if (Kind == RecipeKind.Sound)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b4, (ushort)Latent.Length);
            body.Write(b4[..2]);
            foreach (float v in Latent) { BinaryPrimitives.WriteInt16LittleEndian(b4, Step(v)); body.Write(b4[..2]); }
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(b4, Seed);
            body.Write(b4);
            BinaryPrimitives.WriteUInt16LittleEndian(b4, (ushort)Size);
            body.Write(b4[..2]);
        }
        body.Write(SHA256.HashData(body.ToArray()).AsSpan(0, 4));
        return Prefix + Convert.ToBase64String(body.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a code; every problem says what is wrong with it.</summary>
    /// <exception cref="FormatException">Not a GenWorld code, damaged (checksum), or truncated.</exception>
    public static RecipeCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) throw new FormatException($"a recipe code starts with '{Prefix}'; got '{Clip(text)}'.");
        if (text.Length > MaxCodeChars) throw new FormatException($"a recipe code is at most {MaxCodeChars} characters; got {text.Length}.");
        byte[] bytes;
        try
        {
            string b64 = text[Prefix.Length..].Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
        }
        catch (FormatException) { throw new FormatException($"recipe code '{Clip(text)}' has characters outside base64url (A-Z a-z 0-9 - _): was it cut or changed?"); }
        if (bytes.Length < 16) throw new FormatException($"recipe code '{Clip(text)}' is too short to be complete.");
        ReadOnlySpan<byte> body = bytes.AsSpan(0, bytes.Length - 4);
        if (!SHA256.HashData(body)[..4].AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 4)))
            throw new FormatException($"recipe code '{Clip(text)}' fails its checksum: a character was changed or lost.");
        return Read(body, text);
    }

    private static RecipeCode Read(ReadOnlySpan<byte> b, string text)
    {
        if (b[0] != Format) throw new FormatException($"recipe code format {b[0]} is newer than this GenWorld understands (format {Format}).");
        if (b[1] > 1) throw new FormatException($"recipe code kind {b[1]} is unknown.");
        var kind = (RecipeKind)b[1];
        int nameLength = b[2], at = 3 + nameLength;
        if (b.Length < at + 6) throw new FormatException($"recipe code '{Clip(text)}' is truncated.");
        string model = Encoding.UTF8.GetString(b.Slice(3, nameLength));
        string hash = Convert.ToHexString(b.Slice(at, 4));
        int? pitch = b[at + 4] == None ? null : b[at + 4], label = b[at + 5] == None ? null : b[at + 5];
        at += 6;
        if (kind == RecipeKind.Sound)
        {
            int n = b.Length >= at + 2 ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : -1;
            if (n < 0 || b.Length != at + 2 + (2 * n)) throw new FormatException($"recipe code '{Clip(text)}' is truncated (latent).");
            var latent = new float[n];
            for (int i = 0; i < n; i++) latent[i] = BinaryPrimitives.ReadInt16LittleEndian(b[(at + 2 + (2 * i))..]) * LatentStep;
            return new RecipeCode { Kind = kind, Model = model, VersionHash = hash, Pitch = pitch, Label = label, Latent = latent };
        }
        if (b.Length != at + 6) throw new FormatException($"recipe code '{Clip(text)}' is truncated (seed and size).");
        return new RecipeCode
        {
            Kind = kind, Model = model, VersionHash = hash, Pitch = pitch, Label = label,
            Seed = BinaryPrimitives.ReadInt32LittleEndian(b[at..]), Size = BinaryPrimitives.ReadUInt16LittleEndian(b[(at + 4)..]),
        };
    }

    private static string Clip(string s) => s.Length > 24 ? s[..24] + "…" : s;
}
