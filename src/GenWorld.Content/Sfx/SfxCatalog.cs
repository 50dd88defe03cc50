using System.IO.Compression;
using GenWorld.Content.Debian;

namespace GenWorld.Content.Sfx;

/// <summary>The sound-effect packages and how to list their sound files, in a stable order.</summary>
public static class SfxCatalog
{
    /// <summary>Packages used, with the licence recorded when the copyright file does not map a file.</summary>
    public static readonly IReadOnlyList<(string Package, string FallbackLicence)> Packages =
    [
        ("ufoai-sound", "GPL-2+ / CC-BY / CC-BY-SA / public domain (see package copyright)"),
        ("wesnoth-1.16-data", "GPL-2+ (see package copyright)"),
        ("sonic-pi-samples", "MIT / CC0 (see package copyright)"),
        ("minetest-data", "CC-BY-SA-3.0 (see package copyright)"),
        ("sound-theme-freedesktop", "GPL-2+ / CC-BY-SA-3.0 (see package copyright)"),
    ];

    private static readonly string[] AudioExtensions = [".ogg", ".oga", ".wav", ".flac"];

    /// <summary>Every candidate file of a fetched package.</summary>
    public static IEnumerable<SfxFile> Files(DebianPackage package) => package.Name switch
    {
        "ufoai-sound" => UfoAi(package),
        "wesnoth-1.16-data" => Plain(package, "usr/share/games/wesnoth/1.16", SfxCategories.Wesnoth),
        "sonic-pi-samples" => Plain(package, "usr/share/sonic-pi/samples", SfxCategories.SonicPi),
        "minetest-data" => Plain(package, "usr/share/games/minetest/games/minetest_game", SfxCategories.Minetest),
        "sound-theme-freedesktop" => Plain(package, "usr/share/sounds/freedesktop/stereo", _ => "ui"),
        _ => [],
    };

    private static IEnumerable<SfxFile> Plain(DebianPackage package, string root, Func<string, string> category)
    {
        var dir = package.PathOf(root);
        if (!Directory.Exists(dir)) yield break;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!AudioExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())) continue;
            var inPackage = Path.GetRelativePath(package.Root, file).Replace('\\', '/');
            yield return new SfxFile(package.Name, inPackage, inPackage, category(inPackage), () => File.ReadAllBytes(file));
        }
    }

    /// <summary>UFO:AI keeps its sounds in a zip (<c>0snd.pk3</c>); upstream paths are <c>base/sound/...</c>.</summary>
    private static IEnumerable<SfxFile> UfoAi(DebianPackage package)
    {
        const string pk3 = "usr/share/games/ufoai/base/0snd.pk3";
        var archive = package.PathOf(pk3);
        if (!File.Exists(archive)) yield break;
        List<string> entries;
        using (var zip = ZipFile.OpenRead(archive))
            entries = [.. zip.Entries.Where(e => e.Length > 0 && e.FullName.StartsWith("sound/", StringComparison.Ordinal))
                .Select(e => e.FullName).Order(StringComparer.Ordinal)];
        foreach (var entry in entries)
        {
            if (!AudioExtensions.Contains(Path.GetExtension(entry).ToLowerInvariant())) continue;
            yield return new SfxFile(package.Name, $"{pk3}!{entry}", "base/" + entry, SfxCategories.UfoAi(entry), () => ReadEntry(archive, entry));
        }
    }

    private static byte[] ReadEntry(string archive, string entry)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(entry)!.Open();
        var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
