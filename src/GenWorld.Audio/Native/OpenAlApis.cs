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
        Soft = TryCreate(() => new AlcSoftApi(Required(AlcProc)));
        Efx = TryCreate(() => new EfxApi(Required(AlProc)));
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

    /// <summary>A resolver that fails on a missing function, so a half-supported extension counts as absent.</summary>
    private static Func<string, IntPtr> Required(Func<string, IntPtr> resolve) =>
        name => resolve(name) is var p && p != IntPtr.Zero ? p : throw new EntryPointNotFoundException(name);

    private static T? TryCreate<T>(Func<T> create) where T : class
    {
        try
        {
            return create();
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }
}
