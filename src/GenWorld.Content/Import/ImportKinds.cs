using GenWorld.Content.Audio;
using GenWorld.Content.Imaging;

namespace GenWorld.Content.Import;

/// <summary>What `dataset import` makes of a folder: a sounds dataset (one-shot clips) or a textures dataset (tiles).</summary>
public enum ImportKind
{
    /// <summary>Audio files cut into one-shots: an sfx dataset.</summary>
    Sounds,

    /// <summary>Images cut into square tiles: a textures dataset.</summary>
    Textures,
}

/// <summary>The choice of kind, and the numbers behind it, for the console and import-report.json.</summary>
/// <param name="Kind">The kind imported.</param>
/// <param name="AudioFiles">Audio files found (by extension).</param>
/// <param name="ImageFiles">Image files found (by extension).</param>
/// <param name="Note">One line saying how the kind was chosen and what was left out ("" for a folder of one kind).</param>
public sealed record ImportKindChoice(ImportKind Kind, int AudioFiles, int ImageFiles, string Note);

/// <summary>
/// Sorts an import folder's files into audio and images by extension (the decoders' own lists), and picks the kind: the
/// one asked for, else the only one present, else the one with more files (audio on a tie, as before images were read).
/// The files of the other kind are left out of the import and named in the report.
/// </summary>
public static class ImportKinds
{
    /// <summary>The kind a file's extension belongs to, or null when neither decoder reads it.</summary>
    public static ImportKind? Of(FoundFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (AudioDecoder.Extensions.Contains(file.Extension)) return ImportKind.Sounds;
        if (ImageDecoder.Extensions.Contains(file.Extension)) return ImportKind.Textures;
        return null;
    }

    /// <summary>The option value of a kind (<c>sounds</c>, <c>textures</c>).</summary>
    public static string Name(ImportKind kind) => kind == ImportKind.Textures ? "textures" : "sounds";

    /// <summary>The kind an option value names (<c>sounds</c>, <c>textures</c>), or null for any other value.</summary>
    public static ImportKind? Parse(string value) => value switch
    {
        "sounds" => ImportKind.Sounds,
        "textures" => ImportKind.Textures,
        _ => null,
    };

    /// <summary>Chooses the kind for <paramref name="files"/>; <paramref name="requested"/> (from --kind) wins when given.</summary>
    public static ImportKindChoice Choose(IReadOnlyList<FoundFile> files, ImportKind? requested)
    {
        ArgumentNullException.ThrowIfNull(files);
        int audio = files.Count(f => Of(f) == ImportKind.Sounds), images = files.Count(f => Of(f) == ImportKind.Textures);
        var kind = requested ?? (images > audio ? ImportKind.Textures : ImportKind.Sounds);
        var (kept, left) = kind == ImportKind.Textures ? (images, audio) : (audio, images);
        if (left == 0) return new ImportKindChoice(kind, audio, images, "");
        var other = kind == ImportKind.Textures ? ImportKind.Sounds : ImportKind.Textures;
        var why = requested is null ? $"the larger group of {audio} audio files and {images} images" : "--kind";
        return new ImportKindChoice(kind, audio, images,
            $"importing {kept} {Noun(kind, kept)} as {Name(kind)} ({why}); {left} {Noun(other, left)} left out (--kind {Name(other)} imports {(left == 1 ? "it" : "them")})");
    }

    /// <summary>The report reason for a file the chosen kind does not read.</summary>
    public static string LeftOutReason(FoundFile file, ImportKind kind)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Of(file) is { } other && other != kind)
            return $"{(other == ImportKind.Textures ? "an image" : "an audio file")}; this import reads {Noun(kind)} (--kind {Name(other)} imports it)";
        var extension = file.Extension.Length > 0 ? file.Extension : "no extension";
        return kind == ImportKind.Textures
            ? $"not an image ({extension}; read: {string.Join(", ", ImageDecoder.Extensions.Order(StringComparer.Ordinal))})"
            : $"not an audio file ({extension}; read: {string.Join(", ", AudioDecoder.Extensions)})";
    }

    private static string Noun(ImportKind kind, int count = 2) =>
        kind == ImportKind.Textures ? (count == 1 ? "image" : "images") : (count == 1 ? "audio file" : "audio files");
}
