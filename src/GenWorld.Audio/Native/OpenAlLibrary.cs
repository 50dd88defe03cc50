using GenWorld.Core.Native;

namespace GenWorld.Audio.Native;

/// <summary>Loads OpenAL Soft once (by SONAME, after choosing the backend list) and hands out its function tables.</summary>
internal static class OpenAlLibrary
{
    private static readonly Lazy<OpenAlApis> Default = new(() => Load(NativeLibraryInfo.OpenAl));

    /// <summary>The process-wide OpenAL Soft; throws <see cref="MissingNativeLibraryException"/> when it is not installed.</summary>
    public static OpenAlApis Api => Default.Value;

    /// <summary>Loads <paramref name="library"/> and resolves every table; the error names the Debian package.</summary>
    public static OpenAlApis Load(NativeLibraryInfo library)
    {
        // Must precede the first ALC call anywhere in the process (see AlDriverSelection).
        AlDriverSelection.ApplyOnce();
        NativeLibraries.Load(library);
        return new OpenAlApis(library);
    }
}
