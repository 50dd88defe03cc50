using System.Text.RegularExpressions;

namespace GenWorld.Studio.Catalog;

/// <summary>
/// A model name from a request: one folder name directly under the models root, so no request can name a path
/// (no separators, no "..", no leading dot). The folder's real location is confined again when it is opened.
/// </summary>
internal static partial class ModelName
{
    /// <summary>Null when <paramref name="name"/> is usable, else why not.</summary>
    public static string? Problem(string? name) =>
        name is null || !Valid().IsMatch(name) ? $"model: '{Clip(name)}' is not a model name (letters, digits, '.', '_', '-', at most 64, not starting with '.')." : null;

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Valid();

    private static string Clip(string? s) => s is null ? "(none)" : s.Length > 40 ? s[..40] + "…" : s;
}
