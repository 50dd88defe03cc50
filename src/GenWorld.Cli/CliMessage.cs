namespace GenWorld.Cli;

/// <summary>A verb's own one-line refusal: on stderr (where scripts and the bad-argument tests look), red on a terminal.</summary>
internal static class CliMessage
{
    /// <summary>Writes "verb: reason" to stderr and returns the exit code (2: usage, 1: failure).</summary>
    public static int Fail(string line, int code)
    {
        Console.Error.WriteLine(Console.IsErrorRedirected ? line : $"\u001b[31m{line}\u001b[0m");
        return code;
    }
}
