using GenWorld.Content.Debian;

namespace GenWorld.Content.Import;

/// <summary>
/// Serves an import folder to the dataset builder in place of a Debian package, with the licence and attribution the
/// user gave as its copyright text (copied to the dataset's licences/ folder and summarised in the card).
/// </summary>
public sealed class ImportedFolderPackages(ImportSettings settings) : IPackageProvider
{
    /// <inheritdoc />
    public DebianPackage Fetch(string name, CancellationToken ct = default)
    {
        if (name != settings.Name) throw new PackageUnavailableException(name, $"it is not the imported folder {settings.Name}");
        var notice = $"Imported folder: {Path.GetFullPath(settings.SourceDirectory)}\nLicence (SPDX): {settings.Licence}\n" +
                     (settings.Attribution.Length > 0 ? $"Attribution: {settings.Attribution}\n" : "Attribution: (none given)\n");
        return new DebianPackage(settings.Name, "imported " + DateTime.UtcNow.ToString("yyyy-MM-dd"), Path.GetFullPath(settings.SourceDirectory))
        {
            CopyrightNotice = notice,
        };
    }
}
