namespace GenWorld.Content.Imaging;

/// <summary>An image file could not be decoded; <see cref="Reason"/> is a short key for build reports.</summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception with a short reason (e.g. "corrupt png") and a message naming the file.</summary>
    public ImageDecodeException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>Short reason used to count skipped files (e.g. "corrupt jpg", "unsupported format").</summary>
    public string Reason { get; }
}
