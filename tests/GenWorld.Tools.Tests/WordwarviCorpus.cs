using System.Security.Cryptography;

namespace GenWorld.Tools.Tests;

/// <summary>
/// A real third-party corpus the project uses nowhere else: Debian's <c>wordwarvi-sound</c> (1.0.4), the 61 OGG
/// Vorbis files of the game Word War vi — effects, voices and five music tracks of 52–260 s. Licence (from
/// /usr/share/doc/wordwarvi-sound/copyright): CC-BY-SA-3.0, © 2008 Stephen M. Cameron; the two "lucky" music tracks
/// also © 2008 Marty Kiel and Skip Kavanaugh. The files are only read, never shipped or changed: tests copy them into a
/// temporary folder sorted into the label folders a designer would make (sfx/, voices/, music/).
/// </summary>
internal static class WordwarviCorpus
{
    public const string Package = "wordwarvi-sound";
    public const string Folder = "/usr/share/wordwarvi/sounds";
    public const string Licence = "CC-BY-SA-3.0";
    public const string Attribution = "Stephen M. Cameron (Word War vi), with Marty Kiel and Skip Kavanaugh; Debian package wordwarvi-sound";

    private static readonly HashSet<string> Music =
        ["destiny_facedown", "highscoremusic", "dtox3monomix", "lucky13-steve-mono-mix", "lucky-holiday-cornbread-stuffing-mono"];

    private static readonly HashSet<string> Voices =
    [
        "UseTheSource", "aaaah_it_burns", "fallingscreamhi", "help_down_here", "help_up_here", "hohoho", "hohoho_merry_xmas",
        "nice_bank_shot", "ooooof", "ow_my_spine", "woohoo", "yay_santa",
    ];

    /// <summary>The package's OGG files; fails with the one line that fixes it when the package is not installed (never a skip: CI installs it).</summary>
    public static string[] Files()
    {
        string[] files = Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder, "*.ogg").Order(StringComparer.Ordinal)] : [];
        if (files.Length == 0)
            Assert.Fail($"{Package} is not installed (no OGG files in {Folder}); install it with: sudo apt-get install -y {Package}   (./genworld test installs it)");
        return files;
    }

    /// <summary>Copies the corpus into <paramref name="library"/>/{sfx,voices,music}/ and returns how many files went where.</summary>
    public static IReadOnlyDictionary<string, int> SortInto(string library)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string file in Files())
        {
            string name = Path.GetFileNameWithoutExtension(file);
            string label = Music.Contains(name) ? "music" : Voices.Contains(name) ? "voices" : "sfx";
            Directory.CreateDirectory(Path.Combine(library, label));
            File.Copy(file, Path.Combine(library, label, Path.GetFileName(file)));
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }
        return counts;
    }

    /// <summary>"relative path  sha256" of every file under <paramref name="folder"/>, in order: equal before and after means untouched.</summary>
    public static string[] Sha256Listing(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)}  {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}")];
}
