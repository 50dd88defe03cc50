namespace GenWorld.Content.Debian;

/// <summary>Gives dataset sources the files of a Debian package.</summary>
public interface IPackageProvider
{
    /// <summary>Returns the extracted package; throws <see cref="PackageUnavailableException"/> when it can't be had.</summary>
    DebianPackage Fetch(string name, CancellationToken ct = default);
}
