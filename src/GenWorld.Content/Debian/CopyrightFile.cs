using System.Text.RegularExpressions;

namespace GenWorld.Content.Debian;

/// <summary>
/// Reads the licence of a file from a machine-readable Debian copyright file (DEP-5): the last <c>Files:</c> paragraph
/// whose pattern matches wins. Packages lay files out differently from upstream, so a pattern matches the end of the
/// installed path, also with its first folder dropped (upstream <c>etc/samples/x.flac</c> ~ installed <c>.../samples/x.flac</c>).
/// </summary>
public sealed class CopyrightFile
{
    private readonly List<(Regex[] Patterns, string Licence)> _paragraphs = [];

    /// <summary>Parses copyright text; a non-DEP-5 file gives no paragraphs (every lookup falls back).</summary>
    public CopyrightFile(string text)
    {
        foreach (var block in Regex.Split(text.Replace("\r", ""), @"\n\s*\n"))
        {
            var files = Field(block, "Files");
            var licence = Field(block, "License");
            if (files is null || licence is null) continue;
            var first = licence.Split('\n')[0].Trim();
            if (first.Length == 0) continue;
            var patterns = files.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(Variants).Select(p => new Regex("(^|/)" + Glob(p) + "$", RegexOptions.CultureInvariant)).ToArray();
            _paragraphs.Add((patterns, first));
        }
    }

    /// <summary>Number of <c>Files:</c> paragraphs understood.</summary>
    public int Paragraphs => _paragraphs.Count;

    /// <summary>The licence of <paramref name="path"/>, or <paramref name="fallback"/> when no paragraph matches.</summary>
    public string LicenceOf(string path, string fallback)
    {
        var result = fallback;
        foreach (var (patterns, licence) in _paragraphs)
            if (patterns.Any(r => r.IsMatch(path))) result = licence;
        return result;
    }

    private static IEnumerable<string> Variants(string pattern)
    {
        yield return pattern;
        var slash = pattern.IndexOf('/');
        if (slash > 0 && pattern.IndexOf('/', slash + 1) > 0) yield return pattern[(slash + 1)..];
    }

    private static string Glob(string pattern) =>
        string.Concat(pattern.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) }));

    private static string? Field(string block, string name)
    {
        var m = Regex.Match(block, $@"(?m)^{name}:[ \t]*(.*(?:\n[ \t].*)*)");
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }
}
