using System.Text.Json;

namespace GenWorld.Cli;

/// <summary>One JSON style for everything the CLI prints or writes: camelCase, indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
