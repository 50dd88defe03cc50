using System.Reflection;
using Spectre.Console;

namespace GenWorld.Cli.Tests.ErrorPath;

/// <summary>
/// An executable's real entry point (Program.cs: every verb, <c>CliStartup</c>, the one error path) run in this process
/// with stdout and stderr captured: the same code a shell runs, about a hundred times faster than a child process.
/// Console and AnsiConsole are process-wide, so callers sit in the sequential "Native" collection.
/// </summary>
internal static class InProcessRun
{
    public sealed record Result(int Code, string Output, string Errors);

    public static Result Run(Assembly program, params string[] args)
    {
        // Not disposed: statics bind Console.Error once (OrtConsoleLog's writer), and a later write must not throw.
        StringWriter output = new(), errors = new();
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        IAnsiConsole originalAnsi = AnsiConsole.Console;
        Console.SetOut(output);
        Console.SetError(errors);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        try
        {
            // The synthesized Main of top-level statements: it awaits the verb and returns its exit code.
            var code = (int)program.EntryPoint!.Invoke(null, [args])!;
            return new Result(code, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            AnsiConsole.Console = originalAnsi;
        }
    }
}
