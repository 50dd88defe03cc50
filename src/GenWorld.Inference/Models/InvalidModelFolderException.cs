namespace GenWorld.Inference.Models;

/// <summary>A models/&lt;name&gt;/ folder is missing, incomplete or disagrees with its graphs; the message lists every problem.</summary>
public sealed class InvalidModelFolderException : Exception
{
    /// <summary>Creates the exception for <paramref name="folder"/> with its problems.</summary>
    public InvalidModelFolderException(string folder, IReadOnlyList<string> problems)
        : base($"Model folder '{folder}' cannot be used: {string.Join(" ", problems)}")
    {
        Folder = folder;
        Problems = problems;
    }

    /// <summary>The folder that was opened.</summary>
    public string Folder { get; }

    /// <summary>Each problem, naming the field or file.</summary>
    public IReadOnlyList<string> Problems { get; }
}
