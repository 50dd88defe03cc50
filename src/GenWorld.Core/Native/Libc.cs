using System.Runtime.InteropServices;

namespace GenWorld.Core.Native;

/// <summary>
/// libc calls that .NET does not expose in a way native libraries can see. <c>Environment.SetEnvironmentVariable</c>
/// only changes the managed copy of the environment, so OpenAL Soft or Mesa would never read the value.
/// </summary>
public static partial class Libc
{
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeSetEnv(string name, string value, int overwrite);

    [LibraryImport("libc.so.6", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeUnsetEnv(string name);

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr NativeGetEnv(string name);

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int NativeMallopt(int parameter, int value);

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int NativeMallocTrim(nuint pad);

    [LibraryImport("libc.so.6", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeRenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    /// <summary>
    /// Swaps two existing paths in one atomic step (Linux renameat2 RENAME_EXCHANGE): a reader sees the old or the new
    /// one, never neither. False when the kernel, file system or libc cannot (the caller then renames twice).
    /// </summary>
    public static bool TryExchange(string a, string b)
    {
        const int AtFdCwd = -100;
        const uint RenameExchange = 2;
        try
        {
            return NativeRenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Caps glibc's malloc arenas (<c>mallopt(M_ARENA_MAX)</c>) unless the user set <c>MALLOC_ARENA_MAX</c>. By default
    /// glibc gives threads up to 8 arenas per core; memory freed in one stays there, so native code that allocates from
    /// many threads (ONNX Runtime's, OpenAL's) fragments them and a process that runs for days grows. False when libc
    /// refused or is not glibc.
    /// </summary>
    public static bool LimitMallocArenas(int arenas)
    {
        const int MArenaMax = -8;
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (GetEnv("MALLOC_ARENA_MAX") is not null) return false;
        try
        {
            return NativeMallopt(MArenaMax, arenas) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Hands the C heap's free pages back to the system (glibc <c>malloc_trim(0)</c>, which since glibc 2.8 also releases
    /// whole free pages in the middle of an arena, not only at its top). Memory that native code (llvmpipe, ONNX Runtime,
    /// OpenAL) frees between live blocks otherwise stays in the process's RSS. True when pages were released; false when
    /// there were none, or libc is not glibc.
    /// </summary>
    public static bool TrimMallocHeap()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return NativeMallocTrim(0) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Sets a variable in the process environment that native code reads (libc <c>setenv</c>).</summary>
    /// <param name="name">Variable name, e.g. <c>ALSOFT_DRIVERS</c>.</param>
    /// <param name="value">Value to set.</param>
    /// <param name="overwrite">When false, an existing value is kept (a user's own setting wins).</param>
    public static void SetEnv(string name, string value, bool overwrite = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (NativeSetEnv(name, value, overwrite ? 1 : 0) != 0)
            throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Removes a variable from the native process environment.</summary>
    public static void UnsetEnv(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _ = NativeUnsetEnv(name);
    }

    /// <summary>Reads a variable as native code sees it (may differ from <c>Environment.GetEnvironmentVariable</c>).</summary>
    public static string? GetEnv(string name)
    {
        IntPtr p = NativeGetEnv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }
}
