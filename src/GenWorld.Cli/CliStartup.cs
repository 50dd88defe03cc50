using System.CommandLine;
using GenWorld.Inference;

namespace GenWorld.Cli;

/// <summary>
/// How both executables (genworld, genworld-tools) start a verb: --verbose on every verb, console manners, then the verb
/// through the one error path (<see cref="CliErrorPath"/>: one line per failure, never a stack trace).
/// </summary>
internal static class CliStartup
{
    public static Task<int> RunAsync(RootCommand root, string[] args)
    {
        // --verbose: every ONNX Runtime session line with the full CUDA reason (by default the fallback is one line per process).
        var verbose = new Option<bool>("--verbose") { Description = "Log every model session with the full CUDA reason, and print the stack trace of a failure.", Recursive = true };
        root.Options.Add(verbose);
        ParseResult parsed = root.Parse(args);
        OrtConsoleLog.Verbose = parsed.GetValue(verbose);
        ConsoleWidth.WidenWhenRedirected();
        return CliErrorPath.InvokeAsync(parsed, root.Name, parsed.GetValue(verbose));
    }
}
