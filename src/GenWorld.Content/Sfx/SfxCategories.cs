using System.Text.RegularExpressions;

namespace GenWorld.Content.Sfx;

/// <summary>Category labels from each package's folder layout and naming (documented in the dataset card).</summary>
public static class SfxCategories
{
    private static readonly Regex CreatureWords = new(@"-(hit|die|growl|shriek|groan|laugh|attack)|hiss|wail|ugg|roar", RegexOptions.CultureInvariant);
    private static readonly Regex MagicWords = new(@"^(magic|lightning|flame|fire|heal|entangle|poison|ink|water-blast|mud|wail-sml)", RegexOptions.CultureInvariant);

    /// <summary>UFO:AI: the folder under <c>sound/</c>, with a few split by name.</summary>
    public static string UfoAi(string entry)
    {
        var parts = entry.Split('/');
        var folder = parts.Length > 2 ? parts[1] : "misc";
        var name = parts[^1];
        return folder switch
        {
            "weapons" when name.StartsWith("explosion", StringComparison.Ordinal) => "explosions",
            "weapons" when name.StartsWith("reload", StringComparison.Ordinal) => "reloads",
            "weapons" => "weapons",
            "impact" => "impacts",
            "misc" when name.StartsWith("break", StringComparison.Ordinal) => "breaking",
            "misc" or "geoscape" or "ui" => "ui",
            "civilians" or "soldiers" => "voices",
            "seq" or "ugv" => "vehicles",
            _ => folder, // aliens, ambience, doors, footsteps
        };
    }

    /// <summary>Wesnoth: UI sounds, ambience, horns, creature cries, magic, weapons.</summary>
    public static string Wesnoth(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!path.Contains("/data/", StringComparison.Ordinal)) return "ui";
        if (path.Contains("/ambient/", StringComparison.Ordinal)) return "ambience";
        if (path.Contains("/horn-signals/", StringComparison.Ordinal)) return "horns";
        if (MagicWords.IsMatch(name)) return "magic";
        if (CreatureWords.IsMatch(name)) return "creatures";
        return "weapons";
    }

    /// <summary>Minetest: footsteps, digging, placing, doors, fire, water, explosions, by file name.</summary>
    public static string Minetest(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.Contains("footstep", StringComparison.Ordinal)) return "footsteps";
        if (name.Contains("door", StringComparison.Ordinal) || name.Contains("chest", StringComparison.Ordinal)) return "doors";
        if (name.Contains("dig", StringComparison.Ordinal) || name.Contains("dug", StringComparison.Ordinal)) return "digging";
        if (name.Contains("place", StringComparison.Ordinal)) return "placing";
        if (name.Contains("break", StringComparison.Ordinal)) return "breaking";
        if (name.StartsWith("tnt", StringComparison.Ordinal)) return "explosions";
        if (name.StartsWith("fire", StringComparison.Ordinal) || name.Contains("lava", StringComparison.Ordinal) || name.Contains("furnace", StringComparison.Ordinal)) return "fire";
        if (name.Contains("water", StringComparison.Ordinal)) return "water";
        return "misc";
    }

    /// <summary>Sonic Pi: the sample name prefix (drum, bd, sn, tabla, elec, ambi, bass, loop...).</summary>
    public static string SonicPi(string path)
    {
        var prefix = Path.GetFileNameWithoutExtension(path).Split('_')[0];
        return prefix switch
        {
            "drum" or "bd" or "sn" => "drums",
            "perc" or "tabla" => "percussion",
            "elec" or "mehackit" or "glitch" => "electronic",
            "ambi" => "ambience",
            "bass" => "bass",
            "loop" => "loops",
            "guit" => "guitar",
            _ => "misc",
        };
    }
}
