using System.Text.Json;

namespace GenWorld.Service.Client;

/// <summary>One server-sent event as received: its name and JSON payload.</summary>
/// <param name="Type">"state", "progress", "preview" or "log".</param>
/// <param name="Data">The payload.</param>
public sealed record ServiceEvent(string Type, JsonElement Data);
