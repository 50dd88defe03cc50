using System.Runtime.InteropServices;

namespace GenWorld.Core.Native;

/// <summary>
/// The Linux nice value of the calling thread. On Linux nice is per thread and threads inherit it from the thread that
/// creates them, so a training thread that lowers itself before libtorch starts its worker threads takes them along,
/// and a world on the same machine keeps its frame and generation deadlines (CFS weight: nice 0 = 1024, nice 10 = 110).
/// </summary>
public static partial class ThreadNice
{
    private const int PrioProcess = 0;

    [LibraryImport("libc.so.6", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, uint who, int prio);

    [LibraryImport("libc.so.6", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, uint who);

    [LibraryImport("libc.so.6", EntryPoint = "gettid")]
    private static partial int GetTid();

    /// <summary>
    /// Lowers the calling thread (and the threads it creates from now on) to nice <paramref name="nice"/> (0..19); never
    /// raises it. False where it cannot (not Linux, or the call failed); the thread then runs as it was.
    /// </summary>
    public static bool Lower(int nice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nice, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            uint tid = (uint)GetTid();
            int current = Current() ?? 0;
            return nice <= current || SetPriority(PrioProcess, tid, nice) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's nice value, or null where it cannot be read.</summary>
    public static int? Current()
    {
        if (!OperatingSystem.IsLinux()) return null;
        Marshal.SetLastPInvokeError(0);
        int value = GetPriority(PrioProcess, (uint)GetTid());
        return value == -1 && Marshal.GetLastPInvokeError() != 0 ? null : value;
    }
}
