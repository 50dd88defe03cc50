using System.Runtime.InteropServices;
using GenWorld.Core.Native;

namespace GenWorld.Rendering.Glfw;

/// <summary>GLFW 3.3 entry points, resolved from libglfw.so.3 through <see cref="NativeLibraries"/>.</summary>
internal static unsafe class GlfwNative
{
    public const int True = 1;
    public const int False = 0;
    public const int Press = 1;
    public const int Release = 0;
    public const int Visible = 0x00020004;
    public const int Resizable = 0x00020003;
    public const int ClientApi = 0x00022001;
    public const int OpenGLApi = 0x00030001;
    public const int ContextVersionMajor = 0x00022002;
    public const int ContextVersionMinor = 0x00022003;
    public const int OpenGLForwardCompat = 0x00022006;
    public const int OpenGLProfile = 0x00022008;
    public const int OpenGLCoreProfile = 0x00032001;
    public const int DepthBits = 0x00021005;
    public const int Decorated = 0x00020005;
    public const int CursorMode = 0x00033001;
    public const int CursorHidden = 0x00034002;
    public const int Samples = 0x0002100D;
    public const int ContextRobustness = 0x00022005;
    public const int LoseContextOnReset = 0x00031002;

    private static readonly NativeLibraryInfo Lib = NativeLibraryInfo.Glfw;

    public static bool Init() => ((delegate* unmanaged<int>)Export("glfwInit"))() == True;

    public static void Terminate() => ((delegate* unmanaged<void>)Export("glfwTerminate"))();

    public static string VersionString() =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<IntPtr>)Export("glfwGetVersionString"))()) ?? "unknown";

    /// <summary>GLFW's last error as "code: description", or null when there is none; clears it.</summary>
    public static string? TakeError()
    {
        IntPtr description;
        int code = ((delegate* unmanaged<IntPtr*, int>)Export("glfwGetError"))(&description);
        if (code == 0) return null;
        return $"{Marshal.PtrToStringUTF8(description) ?? "(no description)"} (GLFW error 0x{code:X5})";
    }

    public static void SetErrorCallback(delegate* unmanaged<int, IntPtr, void> callback) =>
        ((delegate* unmanaged<delegate* unmanaged<int, IntPtr, void>, IntPtr>)Export("glfwSetErrorCallback"))(callback);

    public static void DefaultWindowHints() => ((delegate* unmanaged<void>)Export("glfwDefaultWindowHints"))();

    public static void WindowHint(int hint, int value) => ((delegate* unmanaged<int, int, void>)Export("glfwWindowHint"))(hint, value);

    public static IntPtr CreateWindow(int width, int height, string title) => CreateWindow(width, height, title, IntPtr.Zero);

    /// <summary>A window; on <paramref name="monitor"/> (not zero) it is full screen there.</summary>
    public static IntPtr CreateWindow(int width, int height, string title, IntPtr monitor)
    {
        IntPtr utf8 = Marshal.StringToCoTaskMemUTF8(title);
        try { return ((delegate* unmanaged<int, int, IntPtr, IntPtr, IntPtr, IntPtr>)Export("glfwCreateWindow"))(width, height, utf8, monitor, IntPtr.Zero); }
        finally { Marshal.FreeCoTaskMem(utf8); }
    }

    public static IntPtr GetPrimaryMonitor() => ((delegate* unmanaged<IntPtr>)Export("glfwGetPrimaryMonitor"))();

    /// <summary>The monitor's current mode: width, height (screen coordinates) and refresh rate; zero when unknown.</summary>
    public static (int Width, int Height, int RefreshRate) GetVideoMode(IntPtr monitor)
    {
        // GLFWvidmode: width, height, redBits, greenBits, blueBits, refreshRate (all int).
        int* mode = ((delegate* unmanaged<IntPtr, int*>)Export("glfwGetVideoMode"))(monitor);
        return mode == null ? (0, 0, 0) : (mode[0], mode[1], mode[5]);
    }

    public static void SetInputMode(IntPtr window, int mode, int value) =>
        ((delegate* unmanaged<IntPtr, int, int, void>)Export("glfwSetInputMode"))(window, mode, value);

    public static int GetInputMode(IntPtr window, int mode) =>
        ((delegate* unmanaged<IntPtr, int, int>)Export("glfwGetInputMode"))(window, mode);

    public static void DestroyWindow(IntPtr window) => ((delegate* unmanaged<IntPtr, void>)Export("glfwDestroyWindow"))(window);

    public static void MakeContextCurrent(IntPtr window) => ((delegate* unmanaged<IntPtr, void>)Export("glfwMakeContextCurrent"))(window);

    public static IntPtr GetCurrentContext() => ((delegate* unmanaged<IntPtr>)Export("glfwGetCurrentContext"))();

    public static IntPtr GetProcAddress(string name)
    {
        IntPtr utf8 = Marshal.StringToCoTaskMemUTF8(name);
        try { return ((delegate* unmanaged<IntPtr, IntPtr>)Export("glfwGetProcAddress"))(utf8); }
        finally { Marshal.FreeCoTaskMem(utf8); }
    }

    public static void SwapBuffers(IntPtr window) => ((delegate* unmanaged<IntPtr, void>)Export("glfwSwapBuffers"))(window);

    public static void SwapInterval(int interval) => ((delegate* unmanaged<int, void>)Export("glfwSwapInterval"))(interval);

    public static void PollEvents() => ((delegate* unmanaged<void>)Export("glfwPollEvents"))();

    public static bool WindowShouldClose(IntPtr window) => ((delegate* unmanaged<IntPtr, int>)Export("glfwWindowShouldClose"))(window) != 0;

    public static void SetWindowShouldClose(IntPtr window, bool value) =>
        ((delegate* unmanaged<IntPtr, int, void>)Export("glfwSetWindowShouldClose"))(window, value ? True : False);

    public static (int Width, int Height) GetFramebufferSize(IntPtr window)
    {
        int w, h;
        ((delegate* unmanaged<IntPtr, int*, int*, void>)Export("glfwGetFramebufferSize"))(window, &w, &h);
        return (w, h);
    }

    public static void SetWindowUserPointer(IntPtr window, IntPtr pointer) =>
        ((delegate* unmanaged<IntPtr, IntPtr, void>)Export("glfwSetWindowUserPointer"))(window, pointer);

    public static IntPtr GetWindowUserPointer(IntPtr window) => ((delegate* unmanaged<IntPtr, IntPtr>)Export("glfwGetWindowUserPointer"))(window);

    public static void SetKeyCallback(IntPtr window, delegate* unmanaged<IntPtr, int, int, int, int, void> callback) =>
        SetCallback(window, "glfwSetKeyCallback", (IntPtr)callback);

    public static void SetCursorPosCallback(IntPtr window, delegate* unmanaged<IntPtr, double, double, void> callback) =>
        SetCallback(window, "glfwSetCursorPosCallback", (IntPtr)callback);

    public static void SetMouseButtonCallback(IntPtr window, delegate* unmanaged<IntPtr, int, int, int, void> callback) =>
        SetCallback(window, "glfwSetMouseButtonCallback", (IntPtr)callback);

    public static void SetScrollCallback(IntPtr window, delegate* unmanaged<IntPtr, double, double, void> callback) =>
        SetCallback(window, "glfwSetScrollCallback", (IntPtr)callback);

    // Every glfwSet*Callback has the shape (window, fn) -> previous fn, so one typed pointer serves them all.
    private static void SetCallback(IntPtr window, string setter, IntPtr callback) =>
        ((delegate* unmanaged<IntPtr, IntPtr, IntPtr>)Export(setter))(window, callback);

    private static IntPtr Export(string name) => NativeLibraries.GetExport(Lib, name);
}
