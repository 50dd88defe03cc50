using System.IO.Compression;
using GenWorld.Content.Debian;

namespace GenWorld.Content.Textures;

/// <summary>The texture packages, their licences, and the material images each holds (in a stable order).</summary>
public static class TextureCatalog
{
    /// <summary>Packages used, with the licence recorded when the copyright file does not map a file.</summary>
    public static IReadOnlyList<(string Package, string Licence)> Packages { get; } =
    [
        ("openarena-081-textures", "GPL-2+"),
        ("minetest-data", "CC-BY-SA-3.0"),
        ("gimp-data", "GPL-3+"),
    ];

    private const string OpenArenaPk3 = "usr/share/games/openarena/baseoa/pak4-textures.pk3";
    private const string MinetestMods = "usr/share/games/minetest/games/minetest_game/mods";
    private const string GimpPatterns = "usr/share/gimp/2.0/patterns";

    /// <summary>The material images of a package (dropped names are left out; decoding filters come later).</summary>
    public static IEnumerable<TextureFile> Files(DebianPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Name switch
        {
            "openarena-081-textures" => OpenArena(package),
            "minetest-data" => Loose(package, MinetestMods, ".png", tileable: true, pixelArt: true),
            "gimp-data" => Loose(package, GimpPatterns, ".pat", tileable: true, pixelArt: false),
            _ => [],
        };
    }

    private static IEnumerable<TextureFile> OpenArena(DebianPackage package)
    {
        var archive = package.PathOf(OpenArenaPk3);
        if (!File.Exists(archive)) yield break;
        List<string> entries;
        using (var zip = ZipFile.OpenRead(archive))
            entries = [.. zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("textures/", StringComparison.Ordinal))];
        var names = entries.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries.Order(StringComparer.Ordinal))
        {
            var ext = Path.GetExtension(entry).ToLowerInvariant();
            if (ext is not (".jpg" or ".tga")) continue;
            // Most .tga files that have a .jpg twin are the same picture with an alpha mask for a shader.
            if (ext == ".tga" && names.Contains(Path.ChangeExtension(entry, ".jpg"))) continue;
            var parts = entry.Split('/');
            if (parts.Length != 3) continue;
            var group = TextureGroups.Of(parts[1], parts[2], out _);
            if (group is null) continue;
            yield return new TextureFile(package.Name, $"{OpenArenaPk3}!{entry}", group, ext, false, false, () => ReadEntry(archive, entry));
        }
    }

    private static IEnumerable<TextureFile> Loose(DebianPackage package, string under, string ext, bool tileable, bool pixelArt)
    {
        var root = package.PathOf(under);
        if (!Directory.Exists(root)) yield break;
        var files = Directory.EnumerateFiles(root, "*" + ext, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var parts = path.Split('/');
            var folder = parts.Length >= 2 ? parts[^2] : "";
            // Minetest keeps textures in mods/<mod>/textures/: the mod name says more than "textures".
            if (folder == "textures" && parts.Length >= 3) folder = parts[^3];
            var group = TextureGroups.Of(folder, parts[^1], out _);
            if (group is null) continue;
            var full = package.PathOf(path);
            Func<byte[]> read = () => File.ReadAllBytes(full);
            var stone = Path.Combine(Path.GetDirectoryName(full)!, "default_stone.png");
            if (group == "ore" && File.Exists(stone)) read = () => OverlayComposite.Over(File.ReadAllBytes(stone), File.ReadAllBytes(full), path);
            yield return new TextureFile(package.Name, path, group, ext, tileable, pixelArt, read);
        }
    }

    private static byte[] ReadEntry(string archive, string entry)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(entry)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
