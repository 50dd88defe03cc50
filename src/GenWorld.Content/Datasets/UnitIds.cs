using System.Text.RegularExpressions;

namespace GenWorld.Content.Datasets;

/// <summary>
/// The id of a build unit made from one file inside a Debian package: the package's first word and the file's last two
/// path segments, every dot and odd character turned into '_'. The extension stays in the id because packages ship the
/// same name twice (Wesnoth has mace.ogg and mace.wav). One rule for every source, so ids never drift between them.
/// </summary>
public static partial class UnitIds
{
    /// <summary>e.g. ("wesnoth-music", "data.tar.xz!./usr/share/games/wesnoth/sounds/mace.wav") → "wesnoth-sounds-mace_wav".</summary>
    public static string FromSource(string package, string sourcePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        string key = package.Split('-')[0];
        string path = sourcePath.Split('!')[^1];
        string tail = string.Join('-', path.Split('/').TakeLast(2)).Replace('.', '_');
        return $"{key}-{Odd().Replace(tail, "_")}";
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Odd();
}
