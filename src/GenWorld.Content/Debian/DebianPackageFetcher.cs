namespace GenWorld.Content.Debian;

/// <summary>
/// Downloads packages with <c>apt-get download</c> into <c>CACHE/debs</c> (no install, no root needed) and extracts them
/// with <c>dpkg-deb -x</c> into <c>CACHE/pkgs/NAME</c>. Both steps are skipped when already done; extraction goes to a
/// temporary folder first so an interrupted one is never mistaken for a finished one.
/// </summary>
public sealed class DebianPackageFetcher : IPackageProvider
{
    private const string Marker = ".genworld-extracted";
    private readonly string _debs;
    private readonly string _pkgs;

    /// <summary>Creates a fetcher caching under <paramref name="cacheRoot"/> (default <see cref="DefaultCacheRoot"/>).</summary>
    public DebianPackageFetcher(string? cacheRoot = null)
    {
        var root = cacheRoot ?? DefaultCacheRoot;
        _debs = Path.Combine(root, "debs");
        _pkgs = Path.Combine(root, "pkgs");
    }

    /// <summary><c>~/.cache/genworld</c> (or <c>$XDG_CACHE_HOME/genworld</c>).</summary>
    public static string DefaultCacheRoot
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(baseDir, "genworld");
        }
    }

    /// <inheritdoc />
    public DebianPackage Fetch(string name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+')))
            throw new ArgumentException($"not a Debian package name: '{name}'", nameof(name));
        var deb = Download(name, ct);
        var version = Run(name, "dpkg-deb", ["-f", deb, "Version"], ct).Trim();
        var dest = Path.Combine(_pkgs, name);
        var marker = Path.Combine(dest, Marker);
        if (File.Exists(marker) && File.ReadAllText(marker).Trim() == version)
            return new DebianPackage(name, version, dest);

        var temp = $"{dest}.tmp-{Environment.ProcessId}";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        Run(name, "dpkg-deb", ["-x", deb, temp], ct);
        File.WriteAllText(Path.Combine(temp, Marker), version);
        if (Directory.Exists(dest)) Directory.Delete(dest, recursive: true);
        Directory.Move(temp, dest);
        return new DebianPackage(name, version, dest);
    }

    private string Download(string name, CancellationToken ct)
    {
        Directory.CreateDirectory(_debs);
        var existing = FindDeb(name);
        if (existing is not null) return existing;
        var result = ProcessRunner.Run("apt-get", ["download", name], _debs, TimeSpan.FromMinutes(20), ct);
        var deb = FindDeb(name);
        if (result.ExitCode != 0 || deb is null)
        {
            var why = result.StdErr.Trim().Split('\n').LastOrDefault() ?? "";
            throw new PackageUnavailableException(name,
                $"apt-get download failed (exit {result.ExitCode}): {why} — check the network and run `apt-get update`");
        }
        return deb;
    }

    private string? FindDeb(string name) =>
        Directory.EnumerateFiles(_debs, $"{name}_*.deb").OrderDescending(StringComparer.Ordinal).FirstOrDefault();

    private static string Run(string package, string tool, string[] args, CancellationToken ct)
    {
        var r = ProcessRunner.Run(tool, args, null, null, ct);
        if (r.ExitCode != 0)
            throw new PackageUnavailableException(package, $"{tool} {string.Join(' ', args)} failed: {r.StdErr.Trim()}");
        return r.StdOut;
    }
}
