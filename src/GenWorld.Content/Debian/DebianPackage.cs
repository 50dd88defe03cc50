namespace GenWorld.Content.Debian;

/// <summary>A Debian package downloaded and extracted into the cache.</summary>
/// <param name="Name">Package name.</param>
/// <param name="Version">Package version from the .deb control file.</param>
/// <param name="Root">Folder the package was extracted into (its files lie under usr/...).</param>
public sealed record DebianPackage(string Name, string Version, string Root)
{
    /// <summary>Path of the package's Debian copyright file, where licences and authors are recorded.</summary>
    public string CopyrightPath => Path.Combine(Root, "usr", "share", "doc", Name, "copyright");

    /// <summary>Licence text to record instead of a copyright file (an imported folder has the user's words, not Debian's).</summary>
    public string? CopyrightNotice { get; init; }

    /// <summary>Text of the copyright file (or <see cref="CopyrightNotice"/>), or a note that the package has none.</summary>
    public string CopyrightText => CopyrightNotice ??
        (File.Exists(CopyrightPath) ? File.ReadAllText(CopyrightPath) : $"(package {Name} ships no copyright file)");

    /// <summary>Absolute path of a file inside the package, from its path in the package (e.g. <c>usr/share/...</c>).</summary>
    public string PathOf(string pathInPackage) => Path.Combine(Root, pathInPackage.TrimStart('/'));
}
