namespace GenWorld.Studio;

/// <summary>A request the studio refuses, with the HTTP status and the one line the page shows.</summary>
internal sealed class StudioRequestException(int status, string message) : Exception(message)
{
    /// <summary>HTTP status of the answer.</summary>
    public int Status { get; } = status;
}
