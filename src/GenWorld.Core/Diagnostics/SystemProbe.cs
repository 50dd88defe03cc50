using System.Runtime.InteropServices;

namespace GenWorld.Core.Diagnostics;

/// <summary>Operating system, .NET and CPU facts for <c>genworld info</c>.</summary>
public static class SystemProbe
{
    /// <summary>Reads the facts; never throws.</summary>
    public static IReadOnlyList<ProbeResult> Run() =>
    [
        new("System", "OS", OsName(), true),
        new("System", ".NET", RuntimeInformation.FrameworkDescription, true),
        new("System", "CPU threads", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), true),
        new("System", "architecture", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), true),
    ];

    private static string OsName()
    {
        try
        {
            // /etc/os-release names the distribution ("Debian GNU/Linux 12 (bookworm)"), which is what apt advice depends on.
            foreach (string line in File.ReadLines("/etc/os-release"))
                if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                    return line["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.OSDescription;
    }
}
