namespace GenWorld.Core.IO;

/// <summary>
/// Reads a whole file only when it is a regular file of a sane size. A device (/dev/zero), a pipe that keeps producing
/// data or a file far larger than its format allows would otherwise be read until memory runs out.
/// </summary>
public static class BoundedFile
{
    /// <summary>Checks, without reading it, that <paramref name="path"/> is a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static void Check(string path, long maxBytes, string what = "file")
    {
        using FileStream stream = Open(path, maxBytes, what, out long length);
        stream.Position = length;
        RefuseMore(stream, path, length, what);
    }

    /// <summary>The bytes of <paramref name="path"/>; <see cref="InvalidDataException"/> naming the file when it is not a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what = "file")
    {
        using FileStream stream = Open(path, maxBytes, what, out long length);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        RefuseMore(stream, path, length, what);
        return bytes;
    }

    private static FileStream Open(string path, long maxBytes, string what, out long length)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder, not a {what}.");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        length = stream.CanSeek ? stream.Length : -1;
        if (length >= 0 && length <= maxBytes) return stream;
        stream.Dispose();
        throw new InvalidDataException(length < 0
            ? $"{path}: is not a regular file (its size is unknown); give a {what} on disk."
            : $"{path}: {length:N0} bytes is larger than a {what} may be ({maxBytes:N0} bytes).");
    }

    // A device (/dev/zero) or a file still growing has more than its stated length: refuse it rather than read on.
    private static void RefuseMore(FileStream stream, string path, long length, string what)
    {
        if (stream.ReadByte() >= 0)
            throw new InvalidDataException($"{path}: is not a regular file (it produces more data than its size of {length} bytes); give a {what} on disk.");
    }
}
