using System.CommandLine;
using GenWorld.Core.Native;

namespace GenWorld.Cli.Tests.ErrorPath;

/// <summary>
/// The top-level handler itself, with verbs that throw what real verbs throw: an expected failure is its message on one
/// line; an unexpected one is one line pointing to a log file that holds the stack trace (on the console only with --verbose).
/// </summary>
[Collection("Native")]
public sealed class CliErrorPathTests : IDisposable
{
    private readonly string _logs = Directory.CreateTempSubdirectory("genworld-crash-logs-").FullName;
    private readonly string? _previous = Libc.GetEnv("GENWORLD_LOG_DIR");

    public CliErrorPathTests() => Libc.SetEnv("GENWORLD_LOG_DIR", _logs);

    public void Dispose()
    {
        if (_previous is null) Libc.UnsetEnv("GENWORLD_LOG_DIR");
        else Libc.SetEnv("GENWORLD_LOG_DIR", _previous);
        Directory.Delete(_logs, recursive: true);
    }

    [Fact]
    public async Task An_expected_failure_is_its_message_on_one_line_with_exit_1()
    {
        (int code, string errors) = await Run(new InvalidDataException("/data/a.wav: has no samples (its data chunk is empty)."));
        Assert.Equal(1, code);
        Assert.Equal("boom: /data/a.wav: has no samples (its data chunk is empty).", errors.Trim());
        Assert.Empty(Directory.GetFiles(_logs));
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_and_its_trace_goes_to_a_log_file()
    {
        (int code, string errors) = await Run(new NullReferenceException("Object reference not set to an instance of an object."));
        Assert.Equal(1, code);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        string log = Assert.Single(Directory.GetFiles(_logs));
        Assert.StartsWith("boom: unexpected NullReferenceException: Object reference not set", errors, StringComparison.Ordinal);
        Assert.Contains(log, errors, StringComparison.Ordinal);
        string text = File.ReadAllText(log);
        Assert.Contains("boom", text, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal); // the stack trace, kept for the bug report

        (_, errors) = await Run(new NullReferenceException("again"), "--verbose");
        Assert.Contains("   at ", errors, StringComparison.Ordinal); // --verbose asks for it on the console
    }

    [Fact]
    public async Task A_parse_error_is_one_line_naming_the_option_with_exit_2()
    {
        var option = new Option<double>("--lr").Above(0, 1);
        var verb = new Command("fit") { option };
        verb.SetAction(_ => 0);
        foreach (string value in new[] { "NaN", "Infinity", "-1", "0", "1e300" })
        {
            (int code, string errors) = await Capture(new RootCommand { verb }.Parse(["fit", "--lr", value]), verbose: false);
            Assert.Equal(2, code);
            Assert.Equal($"fit: --lr: must be a finite number in (0, 1], got {value}. (see `genworld fit --help`)", errors.Trim());
        }
    }

    private static Task<(int Code, string Errors)> Run(Exception thrown, params string[] extra)
    {
        var verb = new Command("boom");
        var verbose = new Option<bool>("--verbose");
        verb.Options.Add(verbose);
        verb.SetAction(int (ParseResult _) => throw thrown);
        ParseResult parsed = new RootCommand { verb }.Parse(["boom", .. extra]);
        return Capture(parsed, parsed.GetValue(verbose));
    }

    private static async Task<(int Code, string Errors)> Capture(ParseResult parsed, bool verbose)
    {
        TextWriter original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try { return (await CliErrorPath.InvokeAsync(parsed, "genworld", verbose), errors.ToString()); }
        finally { Console.SetError(original); }
    }
}
