namespace GenWorld.Service.Jobs;

/// <summary>A job's preview files (the trainer writes run/previews/step-N/*.wav|png, curves.png and contact-sheet.png) as URLs and back.</summary>
public static class JobPreviews
{
    private static readonly string[] RunFiles = ["curves.png", "contact-sheet.png", "sweep.png"];

    /// <summary>URLs of the newest preview folder's files plus the run-level images.</summary>
    public static IReadOnlyList<string> Latest(string id, string runDir)
    {
        var urls = new List<string>();
        string previews = Path.Combine(runDir, "previews");
        if (Directory.Exists(previews) && Directory.GetDirectories(previews, "step-*").Order(StringComparer.Ordinal).LastOrDefault() is { } newest)
        {
            urls.AddRange(Directory.GetFiles(newest).Where(IsServable).Order(StringComparer.Ordinal)
                .Select(f => $"/jobs/{id}/previews/{Path.GetFileName(newest)}/{Path.GetFileName(f)}"));
        }
        urls.AddRange(RunFiles.Where(f => File.Exists(Path.Combine(runDir, f))).Select(f => $"/jobs/{id}/previews/{f}"));
        return urls;
    }

    /// <summary>The file a preview URL path names, or null when it is not a preview (traversal, other types, missing).</summary>
    public static string? Resolve(string runDir, string relative)
    {
        if (string.IsNullOrEmpty(relative) || relative.Contains('\\') || relative.Split('/').Any(p => p is "" or "." or "..") || !IsServable(relative))
            return null;
        string path = RunFiles.Contains(relative) ? Path.Combine(runDir, relative) : Path.Combine(runDir, "previews", relative);
        if (!File.Exists(path)) return null;
        return RealPath.IsInside(RealPath.Resolve(path), RealPath.Resolve(runDir)) ? path : null;
    }

    /// <summary>Content type of a preview file.</summary>
    public static string ContentType(string path) =>
        path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? "audio/wav" : "image/png";

    private static bool IsServable(string path) =>
        path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
}
