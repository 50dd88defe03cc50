using System.Runtime.InteropServices;

namespace GenWorld.Service.Publishing;

/// <summary>fsync of files and folders: a rename is only durable once the folder holding it is flushed.</summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0, Directory = 0x10000; // O_RDONLY, O_DIRECTORY on Linux

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Flushes a folder's entries (names, renames) to disk.</summary>
    public static void FlushFolder(string dir)
    {
        if (!OperatingSystem.IsLinux()) return;
        int fd = Open(dir, ReadOnly | Directory);
        if (fd < 0) throw new IOException($"{dir}: open for fsync failed (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"{dir}: fsync failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Flushes every file under <paramref name="dir"/>, then the folder itself.</summary>
    public static void FlushTree(string dir)
    {
        foreach (string file in System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
        FlushFolder(dir);
    }
}
