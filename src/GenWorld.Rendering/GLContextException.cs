namespace GenWorld.Rendering;

/// <summary>An OpenGL context could not be created or used; the message carries the driver's own error.</summary>
public sealed class GLContextException : Exception
{
    /// <summary>Creates the exception with a message that names the failed step and the driver's error.</summary>
    public GLContextException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the underlying failure.</summary>
    public GLContextException(string message, Exception inner) : base(message, inner) { }
}
