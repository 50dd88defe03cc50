namespace GenWorld.Content.Textures;

/// <summary>
/// Material group labels from source folder and file names. Names that mark non-material images (lights, skies, effects,
/// decals, UI) are dropped first; then the file name is matched before the folder, because map folders mix materials. Group order matters:
/// metal comes before stone so that Minetest's gold/bronze/steel "blocks" are metal.
/// </summary>
public static class TextureGroups
{
    private static readonly string[] Dropped =
    [
        "sfx", "fx_", "_fx", "light", "lite", "glow", "sky", "skies", "flare", "decal", "logo", "portal", "teleport", "fog",
        "flame", "fire", "water", "lava", "liquid", "window", "glass", "symbol", "sign", "banner", "button", "switch", "monitor",
        "screen", "jump", "arrow", "env/", "common/", "effects", "torch", "tool", "chest", "door", "_bk.", "_dn.", "_ft.", "_lf.",
        "_rt.", "_up.", "crack_anylength", "lump", "ingot", "sapling", "item", "blink", "fan", "zot", "mask", "fence", "text", "starfield", "lightning", "rain",
    ];

    private static readonly (string Group, string[] Keys)[] Groups =
    [
        ("ore", ["mineral", "_ore"]),
        ("wood", ["wood", "plank", "bark", "tree", "log", "parque", "walnut", "pine", "burl", "cork", "acacia", "aspen"]),
        ("organic", ["leaves", "leaf", "grass", "dirt", "moss", "flesh", "organic", "leopard", "leather", "fiber", "bush", "needle", "litter", "jungle", "cactus", "fern", "straw", "coral", "papyrus", "animal", "food", "plant"]),
        ("terrain", ["sand", "gravel", "snow", "ice", "terrain", "ground", "crater", "moonfoot", "clay", "mud", "terra", "permafrost"]),
        ("brick", ["brick"]),
        ("metal", ["metal", "steel", "iron", "rust", "rivet", "grate", "chrome", "copper", "bronze", "gold", "support", "pipe", "girder", "plate", "mesh"]),
        ("stone", ["stone", "rock", "cobble", "marble", "granite", "slate", "block", "obsidian", "amethyst", "cracked", "concrete", "concrt", "crete", "cath"]),
        ("fabric", ["wool", "burlap", "paper", "cloth", "carpet", "fabric", "weave"]),
        ("tech", ["tech", "comp", "circuit", "panel", "proto", "cosmo"]),
        ("floor", ["floor", "tile", "ceiling", "step"]),
        ("trim", ["trim", "border", "baseboard", "column"]),
        ("wall", ["wall"]),
    ];

    /// <summary>The material group for an image, or null (with the reason) when it is not a material texture.</summary>
    /// <param name="folder">Source folder name (e.g. <c>base_floor</c>); may be empty.</param>
    /// <param name="file">File name (e.g. <c>clang_floor.jpg</c>).</param>
    /// <param name="reason">Why the image is dropped, when it is.</param>
    public static string? Of(string folder, string file, out string reason)
    {
        var f = file.ToLowerInvariant();
        var d = folder.ToLowerInvariant() + "/";
        reason = "";
        // Quake 3 animation frames and shader-only images (+0blink, etc.) are not materials.
        if (f.StartsWith('+') || Dropped.Any(k => f.Contains(k, StringComparison.Ordinal) || d.Contains(k, StringComparison.Ordinal)))
        {
            reason = "not a material (light/sky/effect/decal)";
            return null;
        }
        foreach (var name in (string[])[f, d])
            foreach (var (group, keys) in Groups)
                if (keys.Any(k => name.Contains(k, StringComparison.Ordinal))) return group;
        reason = "no material group";
        return null;
    }

    /// <summary>Every group label this classifier can give.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Groups.Select(g => g.Group)];
}
