using System.Diagnostics;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Host.Kiosk;

/// <summary>What the process holds now: the figures a soak watches for growth.</summary>
/// <param name="RssBytes">Resident set size (Linux: VmRSS).</param>
/// <param name="ManagedBytes">Managed heap in use.</param>
/// <param name="Threads">Threads of the process.</param>
/// <param name="AlObjects">OpenAL sources and buffers alive.</param>
/// <param name="GcCommittedBytes">Memory the GC has committed (in use, free in its segments, fragmentation): the managed part of RSS.</param>
public readonly record struct ProcessFigures(long RssBytes, long ManagedBytes, int Threads, int AlObjects, long GcCommittedBytes)
{
    /// <summary>Reads them now (a few microseconds; the thread count reads /proc).</summary>
    public static ProcessFigures Now()
    {
        using Process self = Process.GetCurrentProcess();
        return new ProcessFigures(Environment.WorkingSet, GC.GetTotalMemory(false), self.Threads.Count, AlLiveObjects.Count,
            GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
