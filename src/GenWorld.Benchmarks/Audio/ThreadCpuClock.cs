using System.Runtime.InteropServices;

namespace GenWorld.Benchmarks.Audio;

/// <summary>
/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID). Loopback mixing runs on the caller's thread, so this
/// counts the mix and nothing else: not the JIT, the GC or the other processes sharing the cores.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc.so.6", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Seconds of CPU this thread has used.</summary>
    public static double Now()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec t) != 0)
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        return t.Seconds + (t.Nanoseconds * 1e-9);
    }
}
