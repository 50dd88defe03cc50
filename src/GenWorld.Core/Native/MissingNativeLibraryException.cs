namespace GenWorld.Core.Native;

/// <summary>A system library could not be loaded; the message names the Debian package to install.</summary>
public sealed class MissingNativeLibraryException : Exception
{
    /// <summary>Creates the exception for <paramref name="library"/>.</summary>
    public MissingNativeLibraryException(NativeLibraryInfo library, string? loaderMessage)
        : base($"{library.SoName} could not be loaded, so {library.Purpose} is unavailable. " +
               $"Install it with: sudo apt-get install {library.DebianPackage}" +
               (string.IsNullOrEmpty(loaderMessage) ? "" : $" (loader said: {loaderMessage})"))
    {
        Library = library;
    }

    /// <summary>The library that was missing.</summary>
    public NativeLibraryInfo Library { get; }
}
