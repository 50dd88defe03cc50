using System.Diagnostics;
using System.Numerics;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// The latent world on the shipped notes-vae: a real-time scripted walk (ready-before-audible share and how long an
/// emitter entering earshot waits to be heard), with prefetch against the same walk without look-ahead, and teleports
/// (position change → new content audible, p50/p99) with the world's default decode workers against one worker, and the
/// first sound against one isolated decode, in the same run.
/// </summary>
public sealed class WorldWalkBenchmark : IBenchmark
{
    private const double Step = 1 / 60.0;

    /// <inheritdoc/>
    public string Name => "world-walk";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "models", "notes-vae");
        if (!File.Exists(Path.Combine(folder, "anchors.bin"))) throw new BenchmarkUnavailableException($"no anchors at {folder}");
        double seconds = options.Quick ? 6 : 20;
        var prefetch = new LatentWorldOptions { Log = _ => { } };
        var noLookAhead = prefetch with { PrefetchSeconds = [], TrackRadius = prefetch.EarshotRadius, MaxEmitters = prefetch.MaxAudible };
        (WalkOutcome with, List<double> waitWith, double updateP99) = Walk(folder, prefetch, seconds);
        (WalkOutcome without, List<double> waitWithout, _) = Walk(folder, noLookAhead, seconds);
        int teleports = options.Quick ? 6 : 20;
        var oneWorker = new LatentWorldOptions { Log = _ => { } };
        oneWorker = oneWorker with { Scheduler = oneWorker.Scheduler with { Workers = 1 } };
        (List<double> teleport, List<double> firstSound) = Teleports(folder, teleports, new LatentWorldOptions { Log = _ => { } });
        (List<double> teleportOne, _) = Teleports(folder, teleports, oneWorker);
        double decodeMs = DecodeMs(folder);
        int workers = prefetch.Scheduler.Workers;
        string walkNote = $"{seconds:F0} s real-time walk at 2.5 units/s; earshot {prefetch.EarshotRadius}, track {prefetch.TrackRadius}, {prefetch.MaxAudible} audible";
        const string Baseline = "no look-ahead";
        return
        [
            new(Name, "ready before audible", 100 * with.Share, "%", 100 * without.Share, Baseline,
                $"{with.Entered} vs {without.Entered} emitters came into earshot; {walkNote}; cache hits {100 * with.Stats.CacheHitRate:F0}%, {with.Stats.HintsComputed} hints computed"),
            new(Name, "entering earshot → audible p99", Percentile(waitWith, 0.99), "ms", Percentile(waitWithout, 0.99), Baseline, "0 when the sound was ready before"),
            new(Name, "world.Update p99", updateP99, "ms", Note: "game-loop cost per frame (never waits on inference)"),
            new(Name, "teleport → new content audible p50", Percentile(teleport, 0.5), "ms", Percentile(teleportOne, 0.5), "one decode worker",
                $"{teleport.Count} emitters after {teleports} teleports to unseen places, {workers} decode workers; one isolated decode {decodeMs:F1} ms"),
            new(Name, "teleport → new content audible p99", Percentile(teleport, 0.99), "ms", Percentile(teleportOne, 0.99), "one decode worker",
                $"all 8 nearest emitters: 8 new clips on {workers} decode workers"),
            new(Name, "teleport → first new sound audible p99", Percentile(firstSound, 0.99), "ms", decodeMs, "one isolated decode",
                "the nearest emitter (High priority) is ready first"),
        ];
    }

    private sealed record WalkOutcome(WorldStats Stats, int Entered, int ReadyAtEntry)
    {
        public double Share => Entered == 0 ? 0 : (double)ReadyAtEntry / Entered;
    }

    private static (WalkOutcome Outcome, List<double> WaitMs, double UpdateP99) Walk(string folder, LatentWorldOptions options, double seconds)
    {
        using LatentWorld world = LatentWorld.Open(folder, options);
        Vector3 origin = world.Anchors[1200].Position, direction = Vector3.Normalize(new Vector3(-origin.X, 0, -origin.Z));
        var entered = new Dictionary<int, long>();
        var waits = new List<double>();
        var updates = new List<double>();
        int count = 0, ready = 0;
        var clock = Stopwatch.StartNew();
        for (int frame = 0; frame * Step < seconds; frame++)
        {
            double t = frame * Step;
            Vector3 p = origin + (direction * (float)(2.5 * t));
            long start = Stopwatch.GetTimestamp();
            world.Update(t, Pose.LookAt(p, p + direction));
            updates.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            foreach (Emitter e in world.Emitters.Take(options.MaxAudible).Where(e => e.Distance <= options.EarshotRadius))
            {
                if (entered.ContainsKey(e.Id) || frame == 0) { entered.TryAdd(e.Id, 0); continue; } // in earshot at the start: not counted
                entered[e.Id] = start;
                count++;
                if (e.State == EmitterState.Ready) ready++;
            }
            foreach ((int id, long at) in entered.Where(kv => kv.Value != 0).ToArray())
                if (world.Emitters.FirstOrDefault(e => e.Id == id) is { State: EmitterState.Ready })
                {
                    waits.Add(Math.Max(0, Stopwatch.GetElapsedTime(at).TotalMilliseconds - updates[^1]));
                    entered[id] = 0;
                }
            TimeSpan wait = TimeSpan.FromSeconds(t + Step) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
        return (new WalkOutcome(world.Stats, count, ready), waits, Percentile(updates, 0.99));
    }

    private static (List<double> LatencyMs, List<double> FirstMs) Teleports(string folder, int count, LatentWorldOptions options)
    {
        using LatentWorld world = LatentWorld.Open(folder, options);
        var random = new Random(11);
        var latencies = new List<double>();
        var first = new List<double>();
        double t = 0;
        for (int i = 0; i < count; i++)
        {
            Vector3 p = world.Anchors[random.Next(world.Anchors.Count)].Position;
            long start = Stopwatch.GetTimestamp();
            world.Update(t += 1, Pose.LookAt(p, p + Vector3.UnitX));
            var waiting = world.Emitters.Take(8).Where(e => e.State != EmitterState.Ready).Select(e => e.Id).ToHashSet();
            int cached = 8 - waiting.Count, before = latencies.Count;
            for (int c = 0; c < cached; c++) latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            while (waiting.Count > 0 && Stopwatch.GetElapsedTime(start).TotalSeconds < 10)
            {
                Thread.Sleep(1);
                world.Update(t += 0.001, Pose.LookAt(p, p + Vector3.UnitX));
                foreach (Emitter e in world.Emitters.Where(e => waiting.Contains(e.Id) && e.State == EmitterState.Ready))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    waiting.Remove(e.Id);
                }
            }
            if (latencies.Count > before) first.Add(latencies.Skip(before).Min());
            Thread.Sleep(300); // let the low-priority ring finish so the next teleport starts from an idle worker
        }
        return (latencies, first);
    }

    /// <summary>One emitter at a time, nothing else queued: the floor for any latency above (decode, iSTFT, resample).</summary>
    private static double DecodeMs(string folder)
    {
        using LatentWorld world = LatentWorld.Open(folder, new LatentWorldOptions { Log = _ => { }, MaxEmitters = 1, MaxAudible = 1, PrefetchSeconds = [] });
        var times = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            Vector3 p = world.Anchors[(i * 1543) + 7].Position;
            long start = Stopwatch.GetTimestamp();
            world.Update(world.Time + 1, Pose.LookAt(p, p + Vector3.UnitX));
            while (world.Emitters[0].State != EmitterState.Ready && Stopwatch.GetElapsedTime(start).TotalSeconds < 5)
            {
                Thread.Sleep(0);
                world.Update(world.Time + 0.0001, Pose.LookAt(p, p + Vector3.UnitX));
            }
            if (i > 0) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds); // the first pays for warm-up
        }
        return Percentile(times, 0.5);
    }

    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        double[] sorted = [.. values.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
