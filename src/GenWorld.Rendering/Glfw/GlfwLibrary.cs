using System.Runtime.InteropServices;
using GenWorld.Core.Native;

namespace GenWorld.Rendering.Glfw;

/// <summary>
/// glfwInit/glfwTerminate shared by all windows: initialised with the first window, terminated with the last, so a
/// later window picks up a changed DISPLAY. GLFW's errors are captured through its error callback as well as glfwGetError.
/// </summary>
internal static unsafe class GlfwLibrary
{
    private static readonly Lock Gate = new();
    private static int _users;
    private static volatile string? _lastCallbackError;

    public static void Acquire()
    {
        lock (Gate)
        {
            if (_users == 0)
            {
                NativeLibraries.Load(NativeLibraryInfo.Glfw);
                GlfwNative.SetErrorCallback(&OnError);
                _lastCallbackError = null;
                if (!GlfwNative.Init())
                    throw new GLContextException($"glfwInit failed: {TakeError() ?? "GLFW gave no reason"}");
            }
            _users++;
        }
    }

    public static void Release()
    {
        lock (Gate)
        {
            if (_users == 0) return;
            if (--_users == 0) GlfwNative.Terminate();
        }
    }

    /// <summary>The most recent GLFW error text (glfwGetError, else what the callback saw), or null.</summary>
    public static string? TakeError()
    {
        string? error = GlfwNative.TakeError() ?? _lastCallbackError;
        _lastCallbackError = null;
        return error;
    }

    [UnmanagedCallersOnly]
    private static void OnError(int code, IntPtr description) =>
        _lastCallbackError = $"{Marshal.PtrToStringUTF8(description) ?? "(no description)"} (GLFW error 0x{code:X5})";
}
