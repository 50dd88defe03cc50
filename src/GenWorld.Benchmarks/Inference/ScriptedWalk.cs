using System.Diagnostics;
using System.Numerics;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// A visitor walking a fixed path through a grid of sound emitters (one latent per 4 m cell). Each tick, emitters that
/// come within earshot are requested; with prefetch, emitters around a point ahead on the path are hinted first.
/// </summary>
internal sealed class ScriptedWalk(bool prefetch, int latentSize = BenchModel.LatentSize, float cellSize = 4f)
{
    private const float Earshot = 10f, LookAhead = 8f, Speed = 1.4f, TickSeconds = 0.1f;
    private static readonly Vector2[] Path = [new(0, 0), new(60, 0), new(60, 40), new(0, 40), new(0, 0), new(30, 20), new(60, 0)];

    public sealed record Outcome(SchedulerMetrics Metrics, List<double> LatenciesMs);

    /// <summary>Walks <paramref name="ticks"/> ticks, each lasting <paramref name="wallPerTick"/> of real time.</summary>
    public Outcome Run(InferenceScheduler scheduler, int ticks, TimeSpan wallPerTick) =>
        Run(latent => scheduler.RequestAsync(latent, priority: RequestPriority.High), latents => scheduler.Hint(latents), scheduler.Metrics, ticks, wallPerTick);

    /// <summary>Latents around the start and its look-ahead point: what a game prefetches while the level loads.</summary>
    public IReadOnlyList<float[]> StartLatents()
    {
        (Vector2 position, Vector2 heading) = At(0);
        return [.. CellsNear(position).Concat(CellsNear(position + heading * LookAhead)).Distinct().Select(Latent)];
    }

    /// <summary>The same walk against any front end (e.g. a generation service): request, hint and metrics as delegates.</summary>
    public Outcome Run(Func<float[], Task> request, Action<IEnumerable<float[]>> hint, Func<SchedulerMetrics> metrics, int ticks, TimeSpan wallPerTick)
    {
        var heard = new HashSet<(int, int)>();
        var latencies = new List<double>();
        int issued = 0;
        using var done = new CountdownEvent(1);
        long start = Stopwatch.GetTimestamp();
        for (int tick = 0; tick < ticks; tick++)
        {
            (Vector2 position, Vector2 heading) = At(tick * TickSeconds * Speed);
            var audible = CellsNear(position).ToHashSet();
            foreach ((int, int) cell in audible.Where(c => !heard.Contains(c)))
            {
                long sent = Stopwatch.GetTimestamp();
                done.AddCount();
                issued++;
                request(Latent(cell)).ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully) lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    done.Signal();
                }, TaskScheduler.Default);
            }
            heard = audible;
            if (prefetch)
                hint([.. CellsNear(position + heading * LookAhead).Where(c => !audible.Contains(c)).Select(Latent)]);
            TimeSpan wait = wallPerTick * (tick + 1) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
        done.Signal();
        if (!done.Wait(TimeSpan.FromMinutes(2))) throw new TimeoutException("walk requests did not complete");
        return new Outcome(metrics(), latencies);
    }

    private IEnumerable<(int, int)> CellsNear(Vector2 p)
    {
        int reach = (int)MathF.Ceiling(Earshot / cellSize) + 1;
        int ci = (int)MathF.Floor(p.X / cellSize), cj = (int)MathF.Floor(p.Y / cellSize);
        for (int i = ci - reach; i <= ci + reach; i++)
            for (int j = cj - reach; j <= cj + reach; j++)
                if (Vector2.Distance(p, new Vector2((i + 0.5f) * cellSize, (j + 0.5f) * cellSize)) <= Earshot)
                    yield return (i, j);
    }

    /// <summary>Each cell's latent, fixed by its coordinates (the world is the same on every walk).</summary>
    private float[] Latent((int I, int J) cell)
    {
        var random = new Random(cell.I * 73856093 ^ cell.J * 19349663);
        return [.. Enumerable.Range(0, latentSize).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }

    private static (Vector2 Position, Vector2 Heading) At(float distance)
    {
        for (int s = 0; ; s = (s + 1) % (Path.Length - 1))
        {
            Vector2 a = Path[s], b = Path[s + 1];
            float length = Vector2.Distance(a, b);
            Vector2 heading = (b - a) / length;
            if (distance <= length) return (a + heading * distance, heading);
            distance -= length;
        }
    }
}
