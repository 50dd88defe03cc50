using System.Diagnostics;
using System.Numerics;
using GenWorld.Host.Headless;
using GenWorld.Host.Osc;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// Movement → audible through the whole path, idle and with a training job on the same machine, in one run: a headless
/// <c>genworld run</c> world (wall clock, 60 fps, OpenAL loopback mix, OSC in) is sent <c>/genworld/camera/pose</c> over
/// UDP, first to silence above the field, then next to an anchor it has not visited; the time runs from the send until
/// the first frame whose rendered mix is audible (the emitters there generated, faded in, mixed). Three phases: no load
/// (the baseline), a 2-thread <c>train sound-vae</c> at nice 0 (how training ran before), and the same job at its own
/// default nice 10 (the fix), and that again drawing the field. Frame work time p99 comes from the same frames, and
/// with drawing, the picture's frame time (drawn frame to drawn frame).
/// </summary>
public sealed class MoveToAudibleBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "move-to-audible";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        string root = BenchmarkPaths.RepoRoot(), folder = Path.Combine(root, "models", "notes-vae");
        if (!File.Exists(Path.Combine(folder, "anchors.bin"))) throw new BenchmarkUnavailableException($"no anchors at {folder}");
        int trials = options.Quick ? 10 : 40;
        Phase idle = Measure(folder, trials, seed: 1, load: null, root, nice: 0);
        Phase before = Measure(folder, trials, seed: 2, load: true, root, nice: 0);
        Phase after = Measure(folder, trials, seed: 3, load: true, root, nice: 10);
        // The installation's own frame: the field drawn at 1280x720 (EGL surfaceless, llvmpipe here) with materials.
        Phase drawn = Measure(folder, trials, seed: 4, load: true, root, nice: 10, draw: true);
        const string Idle = "no training";
        string note = $"{trials} OSC moves to unvisited anchors per phase; send → first audible loopback frame (60 fps wall clock, 8 voices, HRTF)";
        return
        [
            new(Name, "move → audible p50, idle", idle.P(0.5), "ms", Note: note),
            new(Name, "move → audible p99, idle", idle.P(0.99), "ms", Note: $"{idle.Missed} of {trials} never audible within 5 s; slowest {idle.Slowest}; {idle.Split}"),
            new(Name, "frame work p99, idle", idle.FrameP99, "ms", Note: $"{idle.Frames} frames"),
            new(Name, "move → audible p50, training at nice 0", before.P(0.5), "ms", idle.P(0.5), Idle, $"train sound-vae --threads 2 --nice 0 used {before.LoadCpu:F0} CPU s"),
            new(Name, "move → audible p99, training at nice 0", before.P(0.99), "ms", idle.P(0.99), Idle, $"{before.Missed} of {trials} never audible within 5 s; slowest {before.Slowest}; {before.Split}"),
            new(Name, "frame work p99, training at nice 0", before.FrameP99, "ms", idle.FrameP99, Idle, $"{before.Frames} frames"),
            new(Name, "move → audible p50, training at nice 10", after.P(0.5), "ms", before.P(0.5), "training at nice 0", $"train sound-vae --threads 2 (default --nice 10) used {after.LoadCpu:F0} CPU s"),
            new(Name, "move → audible p99, training at nice 10", after.P(0.99), "ms", before.P(0.99), "training at nice 0", $"{after.Missed} of {trials} never audible within 5 s; slowest {after.Slowest}; {after.Split}"),
            new(Name, "frame work p99, training at nice 10", after.FrameP99, "ms", before.FrameP99, "training at nice 0", $"{after.Frames} frames"),
            new(Name, "move → audible p50, training at nice 10, drawing 1280x720", drawn.P(0.5), "ms", after.P(0.5), "not drawing", $"the field frame drawn headless (EGL) with materials; training used {drawn.LoadCpu:F0} CPU s"),
            new(Name, "move → audible p99, training at nice 10, drawing 1280x720", drawn.P(0.99), "ms", after.P(0.99), "not drawing", $"{drawn.Missed} of {trials} never audible within 5 s; slowest {drawn.Slowest}; {drawn.Split}"),
            new(Name, "frame work p99, training at nice 10, drawing 1280x720", drawn.FrameP99, "ms", after.FrameP99, "not drawing", $"{drawn.Frames} frames; a drawn frame's work is its draw handed to the GL, not waited for"),
            new(Name, "picture frame time p99, training at nice 10, drawing 1280x720", drawn.PictureP99, "ms", Note: $"{drawn.Pictures} drawn frames, {drawn.Pictures / Math.Max(1, drawn.Seconds):F1} a second: from one drawn frame to the next, the raster included"),
        ];
    }

    private sealed record Phase(List<double> Latencies, List<double> GcPauses, List<double> Poses, int Missed, double FrameP99, long Frames, double LoadCpu, double PictureP99 = double.NaN, long Pictures = 0, double Seconds = 0)
    {
        public double P(double q) => Latencies.Count == 0 ? double.NaN : WorldWalkBenchmark.Percentile(Latencies, q);

        /// <summary>
        /// Where the time of the slow moves went: of the slowest tenth, the median time until the pose was handled (the
        /// rest is generating the nearest sound and the frame that started it).
        /// </summary>
        public string Split
        {
            get
            {
                var slow = Latencies.Select((ms, i) => (ms, pose: Poses[i])).OrderByDescending(m => m.ms).Take(Math.Max(1, Latencies.Count / 10)).ToList();
                double pose = WorldWalkBenchmark.Percentile([.. slow.Select(m => double.IsNaN(m.pose) ? m.ms : m.pose)], 0.5);
                double all = WorldWalkBenchmark.Percentile([.. slow.Select(m => m.ms)], 0.5);
                double poseAll = WorldWalkBenchmark.Percentile([.. Poses.Where(p => !double.IsNaN(p))], 0.5);
                return $"pose handled after {poseAll:F1} ms (median of all), {pose:F1} of {all:F1} ms in the slowest tenth";
            }
        }

        /// <summary>
        /// The three slowest moves (a p99 of 40 is the slowest one: the rest say whether it stood alone), each with the
        /// garbage-collection pause inside it where there was one.
        /// </summary>
        public string Slowest => string.Join(", ", Latencies.Select((ms, i) => (ms, gc: GcPauses[i])).OrderByDescending(m => m.ms).Take(3)
            .Select(m => m.gc >= 1 ? $"{m.ms:F0} (GC {m.gc:F0})" : $"{m.ms:F0}")) + " ms";
    }

    private static Phase Measure(string folder, int trials, int seed, bool? load, string root, int nice, bool draw = false)
    {
        using TrainingLoad? training = load is true ? TrainingLoad.Start(root, nice, TimeSpan.FromMinutes(10)) : null;
        double cpuAtStart = training?.CpuSeconds ?? 0;
        var probe = new AudibleProbe();
        var settings = new RunSettings
        {
            Model = folder, Fps = 60, Audio = RunAudio.Loopback, AttractAfter = 0, PriorModel = "", Draw = draw,
            TextureModel = draw ? Path.Combine(root, "models", "textures-gan") : null,
            Osc = new OscHostOptions { InputPort = 0, Outputs = [] }, OnFrame = probe.OnFrame,
        };
        using var stop = new CancellationTokenSource();
        Exception? failed = null;
        var thread = new Thread(() =>
        {
            try { HeadlessRun.Run(settings, _ => { }, stop.Token); }
            catch (Exception e) { failed = e; }
        }) { Name = "bench-world", IsBackground = true };
        thread.Start();
        try
        {
            Until(() => probe.Port != 0 || failed is not null, TimeSpan.FromSeconds(60));
            if (failed is not null) throw new InvalidOperationException("the headless world failed", failed);
            using var sender = new OscSender($"127.0.0.1:{probe.Port}");
            var positions = WorldAnchors(folder);
            var random = new Random(seed);
            var latencies = new List<double>();
            var gcPauses = new List<double>();
            var poses = new List<double>();
            int missed = 0;
            // One move first that is not counted (a warm-up, as every timing here has): the first decode of a run
            // pays for JIT and the sessions' first run, which a visitor meets once at start-up, not on every move.
            var measuring = new Stopwatch();
            for (int i = -1; i < trials; i++)
            {
                probe.Measuring = i >= 0;
                if (i == 0) measuring.Start();
                sender.Send(Pose(new Vector3(0, 400, 0), Vector3.Zero));   // above the field: nothing in earshot
                if (!Until(() => probe.SilentFrames >= 20, TimeSpan.FromSeconds(5))) { missed += i >= 0 ? 1 : 0; continue; }
                Vector3 anchor = positions[random.Next(positions.Length)];
                Vector3 destination = anchor + new Vector3(0, 0.5f, 2f);
                probe.Arm(Stopwatch.GetTimestamp(), destination);
                sender.Send(Pose(destination, anchor));
                bool heard = Until(() => !double.IsNaN(probe.LatencyMs), TimeSpan.FromSeconds(5));
                if (i < 0) continue;
                if (heard)
                {
                    latencies.Add(probe.LatencyMs);
                    gcPauses.Add(probe.GcPauseMs);
                    poses.Add(probe.PoseMs);
                }
                else missed++;
            }
            probe.Measuring = false;
            double p99, pictureP99;
            long frames, pictures;
            lock (probe.FrameTimes) (p99, frames) = (probe.FrameTimes.Quantile(0.99), probe.FrameTimes.Count);
            lock (probe.DrawnIntervals) (pictureP99, pictures) = (probe.DrawnIntervals.Count == 0 ? double.NaN : probe.DrawnIntervals.Quantile(0.99), probe.DrawnIntervals.Count);
            return new Phase(latencies, gcPauses, poses, missed, p99, frames, (training?.CpuSeconds ?? 0) - cpuAtStart, pictureP99, pictures, measuring.Elapsed.TotalSeconds);
        }
        finally
        {
            stop.Cancel();
            thread.Join(TimeSpan.FromSeconds(30));
        }
    }

    private static Vector3[] WorldAnchors(string folder)
    {
        using var world = GenWorld.World.LatentWorld.Open(folder, new GenWorld.World.LatentWorldOptions { Log = _ => { } });
        return [.. world.Anchors.Select(a => a.Position)];
    }

    private static OscMessage Pose(Vector3 eye, Vector3 lookAt)
    {
        Vector3 forward = lookAt == Vector3.Zero ? -Vector3.UnitZ : lookAt - eye;
        float yaw = CameraSteering.YawOf(forward) * 180 / MathF.PI, pitch = CameraSteering.PitchOf(forward) * 180 / MathF.PI;
        return new OscMessage(GenWorldOscAddresses.CameraPose, OscArgument.Float32(eye.X), OscArgument.Float32(eye.Y), OscArgument.Float32(eye.Z),
            OscArgument.Float32(yaw), OscArgument.Float32(pitch));
    }

    private static bool Until(Func<bool> done, TimeSpan timeout)
    {
        var wait = Stopwatch.StartNew();
        while (!done())
        {
            if (wait.Elapsed > timeout) return false;
            Thread.Sleep(1);
        }
        return true;
    }
}
