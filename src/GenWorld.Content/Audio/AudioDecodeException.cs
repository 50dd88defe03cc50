namespace GenWorld.Content.Audio;

/// <summary>An audio file could not be decoded. <see cref="Reason"/> is a short, countable tag for build reports.</summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates the exception with a countable reason and a detailed message.</summary>
    public AudioDecodeException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>Short reason such as "corrupt wav", "corrupt ogg", "flac unsupported", "empty audio".</summary>
    public string Reason { get; }
}
