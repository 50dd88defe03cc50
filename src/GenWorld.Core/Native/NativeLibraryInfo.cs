namespace GenWorld.Core.Native;

/// <summary>A system library we load by SONAME, and the Debian package that provides it.</summary>
/// <param name="SoName">The SONAME, e.g. <c>libopenal.so.1</c> (never the unversioned dev symlink).</param>
/// <param name="DebianPackage">The apt package that installs it, named in errors.</param>
/// <param name="Purpose">What GenWorld uses it for, named in errors.</param>
public sealed record NativeLibraryInfo(string SoName, string DebianPackage, string Purpose)
{
    /// <summary>OpenAL Soft: spatial audio, loopback rendering, HRTF, EFX.</summary>
    public static readonly NativeLibraryInfo OpenAl = new("libopenal.so.1", "libopenal1", "spatial audio (OpenAL Soft)");

    /// <summary>EGL: headless OpenGL contexts.</summary>
    public static readonly NativeLibraryInfo Egl = new("libEGL.so.1", "libegl1 libegl-mesa0 libgl1-mesa-dri", "headless OpenGL (EGL)");

    /// <summary>GLFW 3: windows and input.</summary>
    public static readonly NativeLibraryInfo Glfw = new("libglfw.so.3", "libglfw3", "windows and input (GLFW)");

    /// <summary>All libraries the runtime may need, in the order <c>genworld info</c> reports them.</summary>
    public static readonly IReadOnlyList<NativeLibraryInfo> All = [OpenAl, Egl, Glfw];
}
