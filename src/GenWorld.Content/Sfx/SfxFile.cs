namespace GenWorld.Content.Sfx;

/// <summary>One candidate sound file of a package: where it is, its category, and how to read its bytes.</summary>
/// <param name="Package">Debian package.</param>
/// <param name="SourcePath">Path inside the package (for a file in an archive: <c>archive.pk3!entry</c>).</param>
/// <param name="LicencePath">Path matched against the copyright file's <c>Files:</c> patterns.</param>
/// <param name="Category">Category label, from the source folders and file names.</param>
/// <param name="Read">Reads the file's bytes.</param>
public sealed record SfxFile(string Package, string SourcePath, string LicencePath, string Category, Func<byte[]> Read)
{
    /// <summary>Extension used to pick the decoder (".ogg", ".wav", ".flac", ".oga").</summary>
    public string Extension => Path.GetExtension(SourcePath.Split('!')[^1]).ToLowerInvariant();
}
