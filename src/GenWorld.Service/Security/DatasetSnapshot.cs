using GenWorld.Training.Runs;

namespace GenWorld.Service.Security;

/// <summary>
/// The dataset a job trains on, fixed when the job starts. A job may wait in the queue for hours, and the dataset
/// folder may be swapped for a link to somewhere else in that time, so the submit-time check is not enough: at start
/// the path is confined again, and every file is opened, then checked by the kernel's idea of what was really opened
/// (/proc/self/fd), then copied under the job. Training reads only that copy, so nothing can be swapped afterwards,
/// and a resumed job trains on the same files it started with.
/// </summary>
internal static class DatasetSnapshot
{
    private const string CompleteMarker = "dataset.complete";

    /// <summary>The job's copy of <paramref name="requested"/> under <paramref name="jobDir"/>, taken now unless already taken.</summary>
    /// <exception cref="TrainingException">The dataset no longer lies under the data root.</exception>
    public static string Take(DataRoot root, string requested, string jobDir)
    {
        string copy = Path.Combine(jobDir, "dataset");
        string marker = Path.Combine(jobDir, CompleteMarker);
        if (File.Exists(marker)) return copy;
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        string real = root.Resolve(requested, out string? error) ?? throw Refused(error!);
        try
        {
            Copy(root, requested, real, copy);
        }
        catch
        {
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
            throw;
        }
        File.WriteAllText(marker, requested);
        return copy;
    }

    private static void Copy(DataRoot root, string requested, string real, string copy)
    {
        Directory.CreateDirectory(copy);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (string file in Directory.EnumerateFiles(real, "*", options))
        {
            string relative = Path.GetRelativePath(real, file);
            string target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (OpenedPath(source) is { } opened && !RealPath.IsInside(opened, root.Path))
                throw Refused($"dataset: '{requested}' changed since it was submitted: {relative} now leads outside the data root.");
            using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            source.CopyTo(destination);
        }
    }

    /// <summary>Removes the copy once the job is over.</summary>
    public static void Remove(string jobDir)
    {
        File.Delete(Path.Combine(jobDir, CompleteMarker));
        string copy = Path.Combine(jobDir, "dataset");
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
    }

    // Where the open descriptor really points, every link resolved by the kernel at open time (Linux); null elsewhere.
    private static string? OpenedPath(FileStream stream)
    {
        return Directory.Exists("/proc/self/fd") ? new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget : null;
    }

    private static TrainingException Refused(string error) =>
        new($"{error} The dataset is confined to the data root again when the job starts; nothing outside it was read.");
}
