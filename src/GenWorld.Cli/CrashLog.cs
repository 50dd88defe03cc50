namespace GenWorld.Cli;

/// <summary>
/// Where an unexpected exception's stack trace goes instead of the console: one file per crash under
/// $GENWORLD_LOG_DIR, else $XDG_CACHE_HOME/genworld/logs (~/.cache/genworld/logs), beside the dataset cache.
/// </summary>
internal static class CrashLog
{
    public static string Folder =>
        Core.Native.Libc.GetEnv("GENWORLD_LOG_DIR") is { Length: > 0 } dir ? dir
        : Path.Combine(Core.Native.Libc.GetEnv("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "genworld", "logs");

    /// <summary>Writes the command line and the exception; returns the file, or why it could not be written.</summary>
    public static string Write(string program, IEnumerable<string> args, Exception e)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            string path = Path.Combine(Folder, $"{program}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(path, $"{DateTime.UtcNow:u} {program} {string.Join(' ', args)}\n{Environment.OSVersion}, .NET {Environment.Version}\n\n{e}\n");
            return path;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return $"no log file ({Folder}: {io.Message}); run again with --verbose to see it";
        }
    }
}
