using GenWorld.Core.Native;

namespace GenWorld.Audio.Native;

/// <summary>Every OpenAL function table, resolved from one library handle. Extension tables are null when unsupported.</summary>
internal sealed unsafe class OpenAlApis
{
    public OpenAlApis(NativeLibraryInfo library)
    {
        Library = library;
        Alc = new AlcApi(symbol => NativeLibraries.GetExport(library, symbol));
        Al = new AlApi(symbol => NativeLibraries.GetExport(library, symbol));
        Soft = TryResolve(name => AlcProc(name), out AlcSoftApi? soft) ? soft : null;
        Efx = TryResolve(name => AlProc(name), out EfxApi? efx) ? efx : null;
    }

    public NativeLibraryInfo Library { get; }
    public AlcApi Alc { get; }
    public AlApi Al { get; }

    /// <summary>ALC_SOFT_loopback + ALC_SOFT_HRTF, or null when this OpenAL lacks them.</summary>
    public AlcSoftApi? Soft { get; }

    /// <summary>ALC_EXT_EFX, or null when this OpenAL lacks it.</summary>
    public EfxApi? Efx { get; }

    public AlcSoftApi RequireSoft(string extension) =>
        Soft ?? throw new NotSupportedException($"{Library.SoName} lacks {extension}; OpenAL Soft 1.19 or newer provides it.");

    public EfxApi RequireEfx() =>
        Efx ?? throw new NotSupportedException($"{Library.SoName} lacks ALC_EXT_EFX, so reverb is unavailable.");

    private IntPtr AlcProc(string name)
    {
        IntPtr utf8 = System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            return Alc.alcGetProcAddress(IntPtr.Zero, (byte*)utf8);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8);
        }
    }

    private IntPtr AlProc(string name)
    {
        IntPtr utf8 = System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            return Al.alGetProcAddress((byte*)utf8);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8);
        }
    }

    private static bool TryResolve<T>(Func<string, IntPtr> resolve, out T? api) where T : class
    {
        try
        {
            api = (T)Activator.CreateInstance(typeof(T), (Func<string, IntPtr>)(name =>
                resolve(name) is var p && p != IntPtr.Zero ? p : throw new EntryPointNotFoundException(name)))!;
            return true;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is EntryPointNotFoundException)
        {
            api = null;
            return false;
        }
    }
}
