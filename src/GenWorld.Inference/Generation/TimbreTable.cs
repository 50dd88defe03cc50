using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Core.Sequences;

namespace GenWorld.Inference.Generation;

/// <summary>One row of a <see cref="TimbreTable"/>: the notes-VAE latent (mean) of a real dataset note.</summary>
/// <param name="Family">GM family 0–15.</param>
/// <param name="Program">The family's representative GM program the note was played on.</param>
/// <param name="Pitch">MIDI pitch of the note.</param>
/// <param name="Latent">Encoder mean for that note.</param>
public sealed record TimbreEntry(int Family, int Program, int Pitch, float[] Latent);

/// <summary>
/// timbres.json beside a prior: for every instrument family, the notes-VAE latents of real notes of one representative
/// program across its pitches. A generated note (family, pitch) takes the latent of the nearest recorded pitch; the
/// decoder is pitch-conditioned, so the note still sounds at its own pitch.
/// </summary>
public sealed class TimbreTable
{
    /// <summary>File name inside a prior folder.</summary>
    public const string FileName = "timbres.json";

    private readonly Dictionary<int, TimbreEntry[]> _byFamily;

    /// <summary>Checks and indexes the rows: every family present, one latent size, finite values.</summary>
    public TimbreTable(string sourceModel, IReadOnlyList<TimbreEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        if (entries.Count == 0) problems.Add("entries: empty.");
        int size = entries.Count > 0 ? entries[0].Latent.Length : 0;
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Latent.Length != size) problems.Add($"entries[{i}].latent: {entries[i].Latent.Length} values, expected {size}.");
            if (entries[i].Latent.Any(v => !float.IsFinite(v))) problems.Add($"entries[{i}].latent: not finite.");
        }
        _byFamily = entries.GroupBy(e => e.Family).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Pitch).ToArray());
        for (int f = 0; f < NoteVocabulary.Families; f++)
            if (!_byFamily.ContainsKey(f)) problems.Add($"entries: family {f} has no note.");
        if (problems.Count > 0) throw new InvalidDataException("Invalid timbre table: " + string.Join(" ", problems));
        SourceModel = sourceModel;
        Entries = entries;
        LatentSize = size;
    }

    /// <summary>The sound-VAE folder name the latents belong to (e.g. notes-vae).</summary>
    public string SourceModel { get; }

    /// <summary>Every row.</summary>
    public IReadOnlyList<TimbreEntry> Entries { get; }

    /// <summary>Latent size.</summary>
    public int LatentSize { get; }

    /// <summary>The row for a note: the family's recorded pitch nearest to <paramref name="pitch"/> (lower on a tie).</summary>
    public TimbreEntry For(int family, int pitch)
    {
        if (!_byFamily.TryGetValue(family, out TimbreEntry[]? rows)) throw new ArgumentOutOfRangeException(nameof(family), family, "no such family in the timbre table.");
        return rows.MinBy(r => (Math.Abs(r.Pitch - pitch), r.Pitch))!;
    }

    private sealed record FileDto(string SourceModel, TimbreEntry[] Entries);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new FileDto(SourceModel, [.. Entries]), Json));

    /// <summary>Reads and checks a table; the error names the file.</summary>
    public static TimbreTable Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no timbre table (a prior folder ships {FileName}).", path);
        try
        {
            var dto = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty.");
            return new TimbreTable(dto.SourceModel, dto.Entries ?? []);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
