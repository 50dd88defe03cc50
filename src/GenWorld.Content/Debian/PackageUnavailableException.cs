namespace GenWorld.Content.Debian;

/// <summary>A Debian package could not be downloaded or extracted; the message says which and why.</summary>
public sealed class PackageUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="package"/>.</summary>
    public PackageUnavailableException(string package, string reason) : base($"package {package} unavailable: {reason}") =>
        Package = package;

    /// <summary>The package that could not be had.</summary>
    public string Package { get; }
}
