using System.Text.RegularExpressions;

namespace GenWorld.Rendering.Shaders;

/// <summary>
/// Rewrites a driver's compile log so each message starts with <c>file:line:</c>. Mesa writes <c>0:12(3): error: ...</c>
/// (source string 0, line 12, column 3); NVIDIA writes <c>0(12) : error C0000: ...</c>.
/// </summary>
public static partial class ShaderInfoLog
{
    /// <summary>One message in a log: its line (null when the driver gave none) and text.</summary>
    public readonly record struct Message(int? Line, string Text);

    /// <summary>Splits <paramref name="log"/> into messages, reading the line numbers where present.</summary>
    public static IReadOnlyList<Message> Parse(string log)
    {
        var messages = new List<Message>();
        foreach (string raw in log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Match m = MesaFormat().Match(raw);
            if (!m.Success) m = NvidiaFormat().Match(raw);
            messages.Add(m.Success
                ? new Message(int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["text"].Value)
                : new Message(null, raw));
        }
        return messages;
    }

    /// <summary>The log with each message prefixed <c>file:line:</c> (or <c>file:</c> when it has no line).</summary>
    public static string Format(string fileName, string log) =>
        string.Join('\n', Parse(log).Select(m => m.Line is { } line ? $"{fileName}:{line}: {m.Text}" : $"{fileName}: {m.Text}"));

    [GeneratedRegex(@"^\d+:(?<line>\d+)\(\d+\):\s*(?<text>.*)$")]
    private static partial Regex MesaFormat();

    [GeneratedRegex(@"^\d+\((?<line>\d+)\)\s*:\s*(?<text>.*)$")]
    private static partial Regex NvidiaFormat();
}
