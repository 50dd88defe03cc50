using System.Text.RegularExpressions;

namespace GenWorld.Inference;

/// <summary>
/// What a console user sees of <see cref="OrtSessionFactory"/>'s per-session lines: on a machine without a working CUDA
/// stack every session falls back to the CPU, and one line per session (3–4 per command) says the same thing each time.
/// This reports the fallback once per process, in one short line; <see cref="Verbose"/> passes every line through with
/// the full reason (which <c>genworld info</c> also shows). Lines that are not the factory's go straight through, so a
/// host can hand this to everything it logs.
/// </summary>
public static partial class OrtConsoleLog
{
    private const string Prefix = "onnxruntime: ";
    private static int _fallbackShown, _cudaShown;

    /// <summary>Every session line, with the full CUDA failure (the CLIs' <c>--verbose</c>).</summary>
    public static bool Verbose { get; set; }

    /// <summary>Where lines go (stderr unless replaced).</summary>
    public static Action<string> Writer { get; set; } = Console.Error.WriteLine;

    /// <summary>Writes <paramref name="line"/> to <see cref="Writer"/>, or the once-per-process summary it stands for.</summary>
    public static void Line(string line) => Write(line, Writer);

    /// <summary>The same filter in front of another writer (e.g. the demo's indented grey lines).</summary>
    public static Action<string> To(Action<string> write) => line => Write(line, write);

    private static void Write(string line, Action<string> writer)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Verbose || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            writer(line);
            return;
        }
        // The factory's formats: "... on CUDA device N", "... on CPU", "... on CPU (CUDA did not start: R)", "... on CPU instead: R".
        if (line.Contains(" on CUDA device ", StringComparison.Ordinal))
        {
            if (Interlocked.Exchange(ref _cudaShown, 1) == 0) writer($"{Prefix}models run on CUDA (--verbose: one line per model)");
            return;
        }
        int at = line.IndexOf("CUDA did not start: ", StringComparison.Ordinal) is >= 0 and var i ? i + 20
            : line.IndexOf(" on CPU instead: ", StringComparison.Ordinal) is >= 0 and var j ? j + 17 : -1;
        if (at < 0 || Interlocked.Exchange(ref _fallbackShown, 1) != 0) return;
        writer($"{Prefix}CUDA did not start ({Short(line[at..].TrimEnd(')'))}), models run on the CPU; `genworld info` or --verbose gives the full reason");
    }

    /// <summary>"Failed to load shared library (libX.so.N: cannot open shared object file ...)" → "libX.so.N missing".</summary>
    internal static string Short(string reason)
    {
        Match missing = MissingLibrary().Match(reason);
        if (missing.Success) return $"{missing.Groups[1].Value} missing";
        return reason.Length <= 100 ? reason : reason[..97] + "...";
    }

    [GeneratedRegex(@"([\w.+-]+\.so[\w.]*): cannot open shared object file")]
    private static partial Regex MissingLibrary();
}
