using System.Diagnostics;
using GenWorld.Benchmarks.Audio;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Median time of an action: one warm-up call, then runs until a time budget or a run count is reached. With
/// <c>threadCpu</c> it counts the calling thread's CPU time instead of wall time: for single-threaded work (ORT and
/// TorchSharp at one thread run on the caller) that is the work itself, not the other processes sharing the cores.
/// </summary>
internal static class MedianTimer
{
    public static double Seconds(Action action, double budgetSeconds, bool threadCpu = false, int minRuns = 3, int maxRuns = 200)
    {
        action();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || (times.Count < maxRuns && total.Elapsed.TotalSeconds < budgetSeconds))
        {
            double cpu = threadCpu ? ThreadCpuClock.Now() : 0;
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(threadCpu ? ThreadCpuClock.Now() - cpu : Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
