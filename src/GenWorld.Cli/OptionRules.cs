using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GenWorld.Cli;

/// <summary>
/// What an option's value must be, declared once beside the option (<c>new Option&lt;double&gt;("--lr") {...}.Above(0, 10)</c>)
/// and checked by the parser before any verb starts: a NaN learning rate, a negative size or a missing model folder is a
/// usage error (exit 2) that names the option, never an exception minutes into the work. Defaults are not checked here
/// (the user did not type them; a missing default folder is reported by the verb when it opens it).
/// Shared by genworld and genworld-tools.
/// </summary>
internal static class OptionRules
{
    /// <summary>A finite number in [min, max]. NaN and ±Infinity fail every range, so the message says "a finite number".</summary>
    public static Option<double> Between(this Option<double> option, double min, double max) =>
        option.Check(v => InRange(v, min, max, minExclusive: false), echo: true);

    /// <summary>A finite number in (min, max]: learning rates, seconds, minutes.</summary>
    public static Option<double> Above(this Option<double> option, double min, double max) =>
        option.Check(v => InRange(v, min, max, minExclusive: true), echo: true);

    /// <summary>A finite number in (min, max], when given.</summary>
    public static Option<double?> Above(this Option<double?> option, double min, double max) =>
        option.Check(v => v is { } x ? InRange(x, min, max, minExclusive: true) : null, echo: true);

    /// <summary>An integer in [min, max].</summary>
    public static Option<int> Between(this Option<int> option, int min, int max) =>
        option.Check(v => v >= min && v <= max ? null : $"must be an integer in [{min}, {max}]", echo: true);

    /// <summary>An integer in [min, max], when given.</summary>
    public static Option<int?> Between(this Option<int?> option, int min, int max) =>
        option.Check(v => v is not { } x || (x >= min && x <= max) ? null : $"must be an integer in [{min}, {max}]", echo: true);

    /// <summary>A long integer in [min, max], when given.</summary>
    public static Option<long?> Between(this Option<long?> option, long min, long max) =>
        option.Check(v => v is not { } x || (x >= min && x <= max) ? null : $"must be an integer in [{min}, {max}]", echo: true);

    /// <summary>A folder that exists (model folders, datasets): a file or a missing path is refused before anything loads.</summary>
    public static Option<T> ExistingFolder<T>(this Option<T> option) where T : FileSystemInfo? =>
        option.Check(d => d is null ? null : FolderProblem(d.FullName));

    /// <summary>A folder that exists, given as a path string.</summary>
    public static Option<string> ExistingFolder(this Option<string> option) => option.Check(FolderProblem);

    /// <summary>A regular file that exists (camera paths, recipes, WAVs): a folder or a missing path is refused.</summary>
    public static Option<T> ExistingFile<T>(this Option<T> option) where T : FileSystemInfo? =>
        option.Check(f => f is null ? null : FileProblem(f.FullName));

    /// <summary>Regular files that exist (the two WAVs of --between).</summary>
    public static Option<FileInfo[]> ExistingFiles(this Option<FileInfo[]> option) =>
        option.Check(files => files.Select(f => FileProblem(f.FullName)).FirstOrDefault(p => p is not null));

    /// <summary>An output folder: it may be missing (it is created) but must not be a file.</summary>
    public static Option<DirectoryInfo> OutputFolder(this Option<DirectoryInfo> option) =>
        option.Check(d => File.Exists(d.FullName) ? $"{d.FullName} is a file; give a folder" : null);

    /// <summary>An output file: it may be missing but must not be a folder.</summary>
    public static Option<FileInfo> OutputFile(this Option<FileInfo> option) =>
        option.Check(f => Directory.Exists(f.FullName) ? $"{f.FullName} is a folder; give a file name" : null);

    /// <summary>One of a fixed set of words (case as given).</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] allowed) =>
        option.Check(v => allowed.Contains(v, StringComparer.Ordinal) ? null : $"'{v}' is not one of {string.Join(", ", allowed)}");

    /// <summary>
    /// The one way a rule is attached: <paramref name="problem"/> returns why the value is refused (null: fine); the
    /// parser reports it as "--name: why." (with <paramref name="echo"/>: "--name: why, got VALUE." as the user typed it).
    /// A value the parser could not convert already has its own error.
    /// </summary>
    public static Option<T> Check<T>(this Option<T> option, Func<T, string?> problem, bool echo = false)
    {
        option.Validators.Add(result =>
        {
            if (result.Implicit || result.Tokens.Count == 0 || !TryValue(result, out T? value) || value is null) return;
            if (problem(value) is { } why)
                result.AddError($"{option.Name}: {why}{(echo ? $", got {string.Join(' ', result.Tokens.Select(t => t.Value))}" : "")}.");
        });
        return option;
    }

    private static bool TryValue<T>(OptionResult result, out T? value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            // The conversion failed ("abc" for a number): System.CommandLine reports that itself, naming the option.
            value = default;
            return false;
        }
    }

    private static string? InRange(double v, double min, double max, bool minExclusive)
    {
        bool ok = double.IsFinite(v) && (minExclusive ? v > min : v >= min) && v <= max;
        return ok ? null : $"must be a finite number in {(minExclusive ? "(" : "[")}{F(min)}, {F(max)}]";
    }

    private static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    private static string? FolderProblem(string path) =>
        Directory.Exists(path) ? null : File.Exists(path) ? $"{Path.GetFullPath(path)} is a file, not a folder" : $"{Path.GetFullPath(path)} does not exist";

    // Devices such as /dev/zero pass here: the bounded readers refuse them when they read (more data than the file's size).
    private static string? FileProblem(string path) =>
        Directory.Exists(path) ? $"{path} is a folder, not a file" : File.Exists(path) ? null : $"{path} does not exist";
}
