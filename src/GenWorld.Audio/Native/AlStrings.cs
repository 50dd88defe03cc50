using System.Runtime.InteropServices;

namespace GenWorld.Audio.Native;

/// <summary>UTF-8 string helpers for the ALC/AL string calls.</summary>
internal static unsafe class AlStrings
{
    public static string Read(byte* text) => text is null ? "" : Marshal.PtrToStringUTF8((IntPtr)text) ?? "";

    /// <summary>Reads an ALC device list: strings separated by NUL, ended by an empty string.</summary>
    public static IReadOnlyList<string> ReadList(byte* list)
    {
        var names = new List<string>();
        if (list is null) return names;
        while (*list != 0)
        {
            string name = Read(list);
            names.Add(name);
            list += System.Text.Encoding.UTF8.GetByteCount(name) + 1;
        }
        return names;
    }

    /// <summary>Copies <paramref name="text"/> to a NUL-terminated native buffer the caller frees with <see cref="Marshal.FreeCoTaskMem"/>.</summary>
    public static IntPtr ToNative(string? text) => text is null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(text);
}
