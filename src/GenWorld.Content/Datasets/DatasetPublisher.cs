using System.Runtime.InteropServices;

namespace GenWorld.Content.Datasets;

/// <summary>Moves a complete staging folder into place in one rename, so readers see the old dataset or the new, never a mix.</summary>
internal static partial class DatasetPublisher
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    public static void Publish(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            Directory.Move(staging, target);
            return;
        }
        var isDataset = File.Exists(Path.Combine(target, DatasetInfo.FileName));
        if (!isDataset && Directory.EnumerateFileSystemEntries(target).Any())
            throw new DatasetBuildException(
                $"{target} exists and is not a dataset (no {DatasetInfo.FileName}); refusing to replace it. Choose another --out.");
        // Swap the two folders atomically, then delete the old one (now at the staging path).
        if (renameat2(AtFdCwd, staging, AtFdCwd, target, RenameExchange) != 0)
        {
            // Filesystems without RENAME_EXCHANGE: two renames; the old dataset stays whole at OUT.previous meanwhile.
            var previous = target + ".previous";
            if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
            Directory.Move(target, previous);
            Directory.Move(staging, target);
            Directory.Delete(previous, recursive: true);
            return;
        }
        Directory.Delete(staging, recursive: true);
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
}
