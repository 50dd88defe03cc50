namespace GenWorld.Content.Datasets;

/// <summary>A dataset folder is missing, incomplete or inconsistent; the message names the file and the problem.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public DatasetException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public DatasetException(string message, Exception inner) : base(message, inner) { }
}
