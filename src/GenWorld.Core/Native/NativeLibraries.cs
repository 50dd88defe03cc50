using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GenWorld.Core.Native;

/// <summary>
/// Loads system libraries by SONAME, once, and turns a loader failure into an error that says which
/// Debian package to install. P/Invoke layers resolve their functions from the handle this returns.
/// </summary>
public static class NativeLibraries
{
    private static readonly ConcurrentDictionary<string, IntPtr> Loaded = new();

    /// <summary>Loads <paramref name="library"/> or throws <see cref="MissingNativeLibraryException"/>.</summary>
    public static IntPtr Load(NativeLibraryInfo library)
    {
        if (Loaded.TryGetValue(library.SoName, out IntPtr handle)) return handle;
        try
        {
            handle = NativeLibrary.Load(library.SoName);
        }
        catch (DllNotFoundException e)
        {
            throw new MissingNativeLibraryException(library, e.Message);
        }
        return Loaded.GetOrAdd(library.SoName, handle);
    }

    /// <summary>Like <see cref="Load"/> but reports failure instead of throwing.</summary>
    public static bool TryLoad(NativeLibraryInfo library, out IntPtr handle, out string? error)
    {
        try
        {
            handle = Load(library);
            error = null;
            return true;
        }
        catch (MissingNativeLibraryException e)
        {
            handle = IntPtr.Zero;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Resolves an exported function, failing with the library and symbol named.</summary>
    public static IntPtr GetExport(NativeLibraryInfo library, string symbol)
    {
        IntPtr handle = Load(library);
        if (NativeLibrary.TryGetExport(handle, symbol, out IntPtr address)) return address;
        throw new EntryPointNotFoundException($"{library.SoName} has no export '{symbol}': the installed {library.DebianPackage} is too old or not the expected library.");
    }
}
