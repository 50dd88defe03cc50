using System.Text.RegularExpressions;

namespace GenWorld.Service.Security;

/// <summary>
/// Keeps server paths out of answers: messages name files relative to the data root ("&lt;data&gt;/notes/a.wav"), the
/// models root ("&lt;models&gt;/…") or the job state ("&lt;state&gt;/…"), and any other absolute path (a link target
/// outside the root, a system folder) is replaced by a placeholder, so an answer never tells a caller how the machine
/// is laid out.
/// </summary>
public sealed partial class PublicPaths
{
    private readonly (string Prefix, string Label)[] _roots;

    /// <summary>Roots and the label each is shown as (longest prefix wins).</summary>
    public PublicPaths(string dataRoot, string modelsRoot, string stateRoot)
    {
        var roots = new List<(string, string)>();
        foreach ((string path, string label) in new[] { (dataRoot, "<data>"), (modelsRoot, "<models>"), (stateRoot, "<state>") })
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            roots.Add((full, label));
            if (Directory.Exists(full) && RealPath.Resolve(full) is { } real && real != full) roots.Add((real, label));
        }
        _roots = [.. roots.OrderByDescending(r => r.Item1.Length)];
    }

    /// <summary><paramref name="text"/> with every absolute path made relative to its root or hidden.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbsolutePath().Replace(text, m =>
        {
            foreach ((string prefix, string label) in _roots)
            {
                if (m.Value == prefix) return label;
                if (m.Value.StartsWith(prefix + "/", StringComparison.Ordinal)) return label + m.Value[prefix.Length..];
            }
            return "<server path>";
        });
    }

    /// <summary>Redacts each of <paramref name="texts"/>.</summary>
    public IReadOnlyList<string> Redact(IEnumerable<string> texts) => [.. texts.Select(Redact)];

    // An absolute path starts a message or follows a space, quote, bracket or '='; it runs to the next space, quote or bracket.
    [GeneratedRegex("""(?<=^|[\s'"(\[=])/[^\s'"()\[\],;]*(?<![.:])""")]
    private static partial Regex AbsolutePath();
}
