using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Core.Sequences;

/// <summary>
/// One piece of the note-sequence dataset (sequences/&lt;id&gt;.json): its split, where it came from, and its events as
/// [onsetStep, durationSteps, family, pitch] rows, so both the trainer and the runtime read it without the content stack.
/// </summary>
public sealed record NoteSequenceFile
{
    /// <summary>Piece id.</summary>
    public string Id { get; init; } = "";

    /// <summary>"train" or "test" (held out by whole file).</summary>
    public string Split { get; init; } = "";

    /// <summary>Source Debian package and path inside it.</summary>
    public string Source { get; init; } = "";

    /// <summary>Licence of the source file.</summary>
    public string Licence { get; init; } = "";

    /// <summary>[onsetStep, durationSteps, family, pitch] per note, sorted by onset.</summary>
    public IReadOnlyList<long[]> Events { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The rows as events.</summary>
    public IReadOnlyList<NoteEvent> ToEvents() => [.. Events.Select(r => new NoteEvent(r[0], (int)r[1], (int)r[2], (int)r[3]))];

    /// <summary>A file from events.</summary>
    public static NoteSequenceFile From(string id, string split, string source, string licence, IEnumerable<NoteEvent> events) => new()
    {
        Id = id, Split = split, Source = source, Licence = licence,
        Events = [.. events.Select(e => new[] { e.OnsetStep, e.DurationSteps, e.Family, (long)e.Pitch })],
    };

    /// <summary>Writes atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads and checks one file; errors name the file and the row.</summary>
    public static NoteSequenceFile Load(string path)
    {
        NoteSequenceFile file;
        try { file = JsonSerializer.Deserialize<NoteSequenceFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty JSON."); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a note-sequence file: {e.Message}", e); }
        if (file.Split is not ("train" or "test")) throw new InvalidDataException($"{path}: split must be train or test, got '{file.Split}'.");
        for (int i = 0; i < file.Events.Count; i++)
            if (file.Events[i] is not { Length: 4 }) throw new InvalidDataException($"{path}: events[{i}] must have 4 numbers.");
        return file;
    }
}
