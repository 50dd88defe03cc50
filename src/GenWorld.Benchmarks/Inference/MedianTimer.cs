using System.Diagnostics;

namespace GenWorld.Benchmarks.Inference;

/// <summary>Median wall time of an action: one warm-up call, then runs until a time budget or a run count is reached.</summary>
internal static class MedianTimer
{
    public static double Seconds(Action action, double budgetSeconds, int minRuns = 3, int maxRuns = 200)
    {
        action();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || (times.Count < maxRuns && total.Elapsed.TotalSeconds < budgetSeconds))
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
