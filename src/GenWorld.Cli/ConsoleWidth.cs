using Spectre.Console;

namespace GenWorld.Cli;

/// <summary>
/// Spectre.Console lays tables out for 80 columns when output is not a terminal, so in logs, CI and `| tee` every row
/// wrapped into a column of fragments. Redirected output gets the COLUMNS width when set, else 240 (a line per row).
/// Shared by genworld, genworld-tools and the benchmarks.
/// </summary>
internal static class ConsoleWidth
{
    public static void WidenWhenRedirected()
    {
        if (!Console.IsOutputRedirected) return;
        AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0 ? columns : 240;
    }
}
