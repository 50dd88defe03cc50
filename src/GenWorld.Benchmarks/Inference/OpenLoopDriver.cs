using System.Diagnostics;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Issues requests on a fixed timetable without waiting for answers (open loop, like a game frame loop) and records
/// each request's latency when it completes. Blocks on a countdown, never on a task.
/// </summary>
internal static class OpenLoopDriver
{
    /// <summary>Sends <paramref name="bursts"/> bursts of <paramref name="burstSize"/> latents, one burst every <paramref name="interval"/>.</summary>
    public static List<double> RunScheduler(InferenceScheduler scheduler, int bursts, int burstSize, TimeSpan interval, int seed)
    {
        var random = new Random(seed);
        var latencies = new List<double>(bursts * burstSize);
        using var done = new CountdownEvent(bursts * burstSize);
        long start = Stopwatch.GetTimestamp();
        for (int b = 0; b < bursts; b++)
        {
            SleepUntil(start, interval * b);
            for (int i = 0; i < burstSize; i++)
            {
                long sent = Stopwatch.GetTimestamp();
                scheduler.RequestAsync(BenchModel.RandomLatent(random)).ContinueWith(t =>
                {
                    double ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (t.IsCompletedSuccessfully) lock (latencies) latencies.Add(ms);
                    done.Signal();
                }, TaskScheduler.Default);
            }
        }
        if (!done.Wait(TimeSpan.FromMinutes(2))) throw new TimeoutException("scheduler requests did not complete");
        return latencies;
    }

    /// <summary>The same timetable calling the generator directly, one latent per call (what a game would do without a scheduler).</summary>
    public static List<double> RunDirect(IBatchGenerator generator, int bursts, int burstSize, TimeSpan interval, int seed)
    {
        var random = new Random(seed);
        var latencies = new List<double>(bursts * burstSize);
        long start = Stopwatch.GetTimestamp();
        for (int b = 0; b < bursts; b++)
        {
            SleepUntil(start, interval * b);
            long sent = Stopwatch.GetTimestamp(); // a burst arrives at once; later ones wait for earlier ones
            for (int i = 0; i < burstSize; i++)
            {
                generator.Generate([BenchModel.RandomLatent(random)], []);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }
        return latencies;
    }

    private static void SleepUntil(long start, TimeSpan offset)
    {
        TimeSpan wait = offset - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
    }
}
