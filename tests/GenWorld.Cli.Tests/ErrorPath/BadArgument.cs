using System.Globalization;

namespace GenWorld.Cli.Tests.ErrorPath;

/// <summary>One bad command line and what its one error line must name (the option, or the file).</summary>
public sealed record BadArgument(string[] Args, string Names)
{
    public override string ToString() => string.Join(' ', Args);

    /// <summary>The bad values of each kind of option, generated from its declared range; each takes the valid line and the option to spoil.</summary>
    public static class For
    {
        /// <summary>A number in (0, max]: NaN, ±Infinity, negative, zero, huge, not a number.</summary>
        public static IEnumerable<BadArgument> PositiveNumber(string[] verb, string option) =>
            Values(verb, option, "NaN", "Infinity", "-Infinity", "-1", "0", "1e300", "abc");

        /// <summary>A number in [0, max]: NaN, Infinity, negative, huge, not a number.</summary>
        public static IEnumerable<BadArgument> NonNegativeNumber(string[] verb, string option) =>
            Values(verb, option, "NaN", "Infinity", "-1", "1e300", "abc");

        /// <summary>An integer in [min, max]: one below, one above, past 32 bits, a fraction, a word.</summary>
        public static IEnumerable<BadArgument> Integer(string[] verb, string option, long min, long max) =>
            Values(verb, option, [.. (min > int.MinValue ? [(min - 1).ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()),
                .. (max < int.MaxValue ? [(max + 1).ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()),
                "99999999999999999999", "1.5", "abc"]);

        /// <summary>A folder that must exist: a missing path, a file.</summary>
        public static IEnumerable<BadArgument> ExistingFolder(string[] verb, string option)
        {
            var f = BadInputFiles.Instance;
            yield return new BadArgument(With(verb, option, f.Missing), f.Missing);
            yield return new BadArgument(With(verb, option, f.PlainFile), f.PlainFile);
        }

        /// <summary>A file that must exist: a missing path, a folder.</summary>
        public static IEnumerable<BadArgument> ExistingFile(string[] verb, string option)
        {
            var f = BadInputFiles.Instance;
            yield return new BadArgument(With(verb, option, f.Missing), f.Missing);
            yield return new BadArgument(With(verb, option, f.Folder), f.Folder);
        }

        /// <summary>An output folder: an existing file in its place.</summary>
        public static IEnumerable<BadArgument> OutputFolder(string[] verb, string option)
        {
            var f = BadInputFiles.Instance;
            yield return new BadArgument(With(verb, option, f.PlainFile), f.PlainFile);
        }

        /// <summary>A word from a fixed set: another word, an empty one.</summary>
        public static IEnumerable<BadArgument> Word(string[] verb, string option) => Values(verb, option, "bogus", "");

        /// <summary>Each of <paramref name="values"/> given to <paramref name="option"/>.</summary>
        public static IEnumerable<BadArgument> Values(string[] verb, string option, params string[] values) =>
            values.Select(v => new BadArgument(With(verb, option, v), option));

        /// <summary>The valid line with <paramref name="option"/>'s value replaced (or the option added): one problem per line.</summary>
        public static string[] With(string[] verb, string option, string value)
        {
            int at = Array.IndexOf(verb, option);
            if (at < 0) return [.. verb, option, value];
            string[] line = [.. verb];
            line[at + 1] = value;
            return line;
        }
    }

    /// <summary>
    /// What every refusal looks like: a non-zero exit, one line on stderr (the CUDA fallback note aside) that names the
    /// option or file, and no .NET exception text anywhere.
    /// </summary>
    internal void AssertRefused(InProcessRun.Result r)
    {
        string all = r.Output + r.Errors;
        Assert.True(r.Code is 1 or 2, $"{this}: exit {r.Code}\n{all}");
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", all, StringComparison.Ordinal);
        string[] lines = [.. r.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("onnxruntime", StringComparison.Ordinal) && !l.Contains("CUDA", StringComparison.Ordinal))];
        Assert.True(lines.Length == 1, $"{this}: {lines.Length} lines on stderr:\n{r.Errors}");
        Assert.True(lines[0].Contains(Names, StringComparison.Ordinal), $"{this}: the line does not name '{Names}':\n{lines[0]}");
    }
}
