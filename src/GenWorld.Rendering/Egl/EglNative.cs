using System.Runtime.InteropServices;
using GenWorld.Core.Native;

namespace GenWorld.Rendering.Egl;

/// <summary>
/// The few EGL entry points we need, resolved from libEGL.so.1 through <see cref="NativeLibraries"/> so that a
/// missing library fails with the Debian package named, not a bare DllNotFoundException.
/// </summary>
internal static unsafe class EglNative
{
    public const int None = 0x3038;
    public const int Success = 0x3000;
    public const int Extensions = 0x3055;
    public const int Vendor = 0x3053;
    public const int Version = 0x3054;
    public const uint PlatformSurfacelessMesa = 0x31DD;
    public const uint OpenGLApi = 0x30A2;
    public const int RenderableType = 0x3040;
    public const int OpenGLBit = 0x0008;
    public const int SurfaceType = 0x3033;
    public const int RedSize = 0x3024;
    public const int GreenSize = 0x3023;
    public const int BlueSize = 0x3022;
    public const int AlphaSize = 0x3021;
    public const int DepthSize = 0x3025;
    public const int ContextMajorVersion = 0x3098;
    public const int ContextMinorVersion = 0x30FB;
    public const int ContextOpenGLProfileMask = 0x30FD;
    public const int ContextOpenGLCoreProfileBit = 0x0001;
    public const int ContextOpenGLResetNotificationStrategy = 0x31BD;
    public const int LoseContextOnReset = 0x31BF;

    private static readonly NativeLibraryInfo Lib = NativeLibraryInfo.Egl;

    public static IntPtr GetProcAddress(string name)
    {
        IntPtr utf8 = Marshal.StringToCoTaskMemUTF8(name);
        try { return ((delegate* unmanaged<IntPtr, IntPtr>)Export("eglGetProcAddress"))(utf8); }
        finally { Marshal.FreeCoTaskMem(utf8); }
    }

    public static string? QueryString(IntPtr display, int name) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<IntPtr, int, IntPtr>)Export("eglQueryString"))(display, name));

    public static int GetError() => ((delegate* unmanaged<int>)Export("eglGetError"))();

    /// <summary>EGL 1.5's eglGetPlatformDisplay, else the EXT entry point (EGL 1.4 with EGL_EXT_platform_base).</summary>
    public static IntPtr GetPlatformDisplay(uint platform)
    {
        if (NativeLibrary.TryGetExport(NativeLibraries.Load(Lib), "eglGetPlatformDisplay", out IntPtr core))
            return ((delegate* unmanaged<uint, IntPtr, IntPtr, IntPtr>)core)(platform, IntPtr.Zero, IntPtr.Zero);
        IntPtr ext = GetProcAddress("eglGetPlatformDisplayEXT");
        if (ext == IntPtr.Zero)
            throw new GLContextException("EGL has neither eglGetPlatformDisplay nor eglGetPlatformDisplayEXT: the EGL library is too old for headless rendering.");
        return ((delegate* unmanaged<uint, IntPtr, int*, IntPtr>)ext)(platform, IntPtr.Zero, null);
    }

    public static bool Initialize(IntPtr display, out int major, out int minor)
    {
        int ma, mi;
        bool ok = ((delegate* unmanaged<IntPtr, int*, int*, uint>)Export("eglInitialize"))(display, &ma, &mi) != 0;
        (major, minor) = (ma, mi);
        return ok;
    }

    public static bool Terminate(IntPtr display) => ((delegate* unmanaged<IntPtr, uint>)Export("eglTerminate"))(display) != 0;

    public static bool BindApi(uint api) => ((delegate* unmanaged<uint, uint>)Export("eglBindAPI"))(api) != 0;

    public static bool ChooseConfig(IntPtr display, ReadOnlySpan<int> attributes, out IntPtr config, out int count)
    {
        IntPtr c;
        int n;
        bool ok;
        fixed (int* attr = attributes)
            ok = ((delegate* unmanaged<IntPtr, int*, IntPtr*, int, int*, uint>)Export("eglChooseConfig"))(display, attr, &c, 1, &n) != 0;
        (config, count) = (c, n);
        return ok;
    }

    public static IntPtr CreateContext(IntPtr display, IntPtr config, ReadOnlySpan<int> attributes)
    {
        fixed (int* attr = attributes)
            return ((delegate* unmanaged<IntPtr, IntPtr, IntPtr, int*, IntPtr>)Export("eglCreateContext"))(display, config, IntPtr.Zero, attr);
    }

    public static bool DestroyContext(IntPtr display, IntPtr context) =>
        ((delegate* unmanaged<IntPtr, IntPtr, uint>)Export("eglDestroyContext"))(display, context) != 0;

    public static bool MakeCurrent(IntPtr display, IntPtr draw, IntPtr read, IntPtr context) =>
        ((delegate* unmanaged<IntPtr, IntPtr, IntPtr, IntPtr, uint>)Export("eglMakeCurrent"))(display, draw, read, context) != 0;

    public static IntPtr GetCurrentContext() => ((delegate* unmanaged<IntPtr>)Export("eglGetCurrentContext"))();

    public static string ErrorName(int code) => code switch
    {
        0x3000 => "EGL_SUCCESS",
        0x3001 => "EGL_NOT_INITIALIZED",
        0x3002 => "EGL_BAD_ACCESS",
        0x3003 => "EGL_BAD_ALLOC",
        0x3004 => "EGL_BAD_ATTRIBUTE",
        0x3005 => "EGL_BAD_CONFIG",
        0x3006 => "EGL_BAD_CONTEXT",
        0x3008 => "EGL_BAD_DISPLAY",
        0x3009 => "EGL_BAD_MATCH",
        0x300C => "EGL_BAD_PARAMETER",
        0x300E => "EGL_CONTEXT_LOST",
        _ => $"EGL error 0x{code:X4}",
    };

    /// <summary>The pending EGL error as text, for exception messages.</summary>
    public static string LastError() => ErrorName(GetError());

    private static IntPtr Export(string name) => NativeLibraries.GetExport(Lib, name);
}
