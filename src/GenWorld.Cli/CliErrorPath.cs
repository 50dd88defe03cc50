using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text.Json;

namespace GenWorld.Cli;

/// <summary>
/// The one error path of both executables: whatever a verb does with bad input ends here as one line on stderr that
/// starts with the verb and names the option or file and the reason. Usage errors (the parser's, and the
/// <see cref="OptionRules"/> checks) exit 2; an expected failure (a damaged file, a model folder that is not one: see
/// <see cref="KnownFailures"/>) exits 1; anything else also exits 1 with one line that points to a log file holding the
/// stack trace (printed too with --verbose). No .NET stack trace reaches the console otherwise.
/// </summary>
internal static class CliErrorPath
{
    public const int Usage = 2, Failure = 1, Interrupted = 130;

    public static async Task<int> InvokeAsync(ParseResult parsed, string program, bool verbose)
    {
        string verb = Verb(parsed) ?? "genworld", help = verb == "genworld" ? "genworld --help" : $"genworld {verb} --help";
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            string errors = string.Join(" ", parsed.Errors.Select(e => OneLine(e.Message)).Distinct(StringComparer.Ordinal));
            // "genworld": the launcher runs both executables' verbs, so its help is the one to point to.
            Console.Error.WriteLine($"{verb}: {errors} (see `{help}`)");
            return Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception thrown)
        {
            Exception e = Unwrap(thrown);
            if (e is OperationCanceledException)
            {
                Console.Error.WriteLine($"{verb}: interrupted.");
                return Interrupted;
            }
            if (IsExpected(e))
            {
                Console.Error.WriteLine($"{verb}: {Reason(e)}");
                if (verbose) Console.Error.WriteLine(e);
                return Failure;
            }
            string log = CrashLog.Write(program, parsed.Tokens.Select(t => t.Value), e);
            Console.Error.WriteLine($"{verb}: unexpected {e.GetType().Name}: {Reason(e)} (a bug: the stack trace is in {log}; please report it with that file)");
            if (verbose) Console.Error.WriteLine(e);
            return Failure;
        }
    }

    /// <summary>"generate texture", "train sound-vae": the verb path as the user typed it, without the program name (null: no verb).</summary>
    internal static string? Verb(ParseResult parsed)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parsed.CommandResult; r is System.CommandLine.Parsing.CommandResult c && c.Parent is not null; r = c.Parent)
            names.Insert(0, c.Command.Name);
        return names.Count > 0 ? string.Join(' ', names) : null;
    }

    /// <summary>Failures a user can fix from the message alone: damaged or missing files, refused values.</summary>
    private static bool IsExpected(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or FormatException
            or JsonException or NotSupportedException or Inference.Models.InvalidModelFolderException or Inference.InvalidModelException
            or Core.Native.MissingNativeLibraryException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException
        || KnownFailures.IsExpected(e);

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    // ArgumentException appends "(Parameter 'x')"; the part before it says it all.
    private static string Reason(Exception e) => OneLine(e.Message.Split(" (Parameter '")[0]) is { Length: > 0 } m ? m : e.GetType().Name;

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
