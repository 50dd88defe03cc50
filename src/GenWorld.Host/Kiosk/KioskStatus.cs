using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GenWorld.Host.Clocks;
using GenWorld.Host.Headless;
using GenWorld.Rendering.Resources;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// The kiosk's figures: a heartbeat JSON (state, frames, restarts, last fault, memory, frame time p99 over the last
/// interval, audio underruns, GL objects and context rebuilds) that a watchdog or a person can read at any moment,
/// written to a temporary file and renamed so a reader never sees half of it; and, for a soak, a CSV row every interval. Written from the frame thread, at most once a second.
/// </summary>
public sealed class KioskStatus
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly KioskOptions _options;
    private readonly Stopwatch _uptime;
    private readonly FrameTimeHistogram _beatWindow = new(), _soakWindow = new();
    private readonly DateTime _startedUtc = DateTime.UtcNow;
    private TimeSpan _nextBeat, _nextSoak;
    private long _oscReceived, _oscDropped;
    private GlObjectCounts? _glObjects;

    internal KioskStatus(KioskOptions options, Stopwatch uptime)
    {
        (_options, _uptime) = (options, uptime);
        _nextSoak = options.SoakEvery;
        if (options.SoakCsv is { } csv)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csv))!);
            File.WriteAllText(csv, "seconds,frames,restarts,frame_p50_ms,frame_p99_ms,frame_max_ms,rss_mb,managed_mb,threads,al_objects,osc_received,osc_dropped,sound_latency_p99_ms,underruns_late_mix,underruns_voice_stopped,gc_committed_mb,sound_cache_mb," +
                string.Join(',', GlColumns) + ",gl_total,gl_material_textures,gl_rebuilds\n");
        }
    }

    /// <summary>Frames run, all sessions together.</summary>
    public long Frames { get; private set; }

    /// <summary>Faults that led to a restart.</summary>
    public int Restarts { get; private set; }

    /// <summary>The last fault (type: message), or null.</summary>
    public string? LastFault { get; private set; }

    /// <summary>Times the sound ran dry, all sessions together.</summary>
    public AudioUnderruns Underruns { get; private set; }

    /// <summary>Soak CSV columns of the live GL objects, one per kind (gl_buffers, gl_textures, ...; 0 when nothing is drawn).</summary>
    public static IReadOnlyList<string> GlColumns { get; } = [.. Enum.GetValues<GlObjectKind>().Select(k => $"gl_{k.ToString().ToLowerInvariant()}s")];

    /// <summary>Times a world's renderer was rebuilt on a fresh GL context after a loss, all sessions together.</summary>
    public int GlRebuilds { get; private set; }

    /// <summary>Soak rows written.</summary>
    public int SoakRows { get; private set; }

    /// <summary>Where the kiosk is now.</summary>
    public KioskState State { get; private set; } = KioskState.Starting;

    internal void Fault(string fault)
    {
        Restarts++;
        LastFault = fault;
    }

    internal void Frame(RunFrame frame, AudioUnderruns newUnderruns, int newGlRebuilds)
    {
        Underruns += newUnderruns;
        GlRebuilds += newGlRebuilds;
        _glObjects = frame.Gl?.Objects;
        if (!frame.Extra)
        {
            // Frame counts and frame times are the regular frames' (an extra one only updates the world and the mix).
            Frames++;
            _beatWindow.Add(frame.WorkMs);
            _soakWindow.Add(frame.WorkMs);
        }
        if (frame.Osc?.Stats is { } osc) (_oscReceived, _oscDropped) = (osc.Received, osc.TotalDropped);
        TimeSpan now = _uptime.Elapsed;
        if (State != KioskState.Running || now >= _nextBeat) Write(KioskState.Running);
        if (_options.SoakCsv is null || now < _nextSoak) return;
        _nextSoak = now + _options.SoakEvery;
        ProcessFigures p = ProcessFigures.Now();
        string row = string.Join(',',
            now.TotalSeconds.ToString("F1", Invariant), Frames.ToString(Invariant), Restarts.ToString(Invariant),
            _soakWindow.Quantile(0.5).ToString("F2", Invariant), _soakWindow.Quantile(0.99).ToString("F2", Invariant), _soakWindow.MaxMs.ToString("F2", Invariant),
            (p.RssBytes / 1048576.0).ToString("F1", Invariant), (p.ManagedBytes / 1048576.0).ToString("F1", Invariant),
            p.Threads.ToString(Invariant), p.AlObjects.ToString(Invariant), _oscReceived.ToString(Invariant), _oscDropped.ToString(Invariant),
            frame.World.Stats.LatencyP99Ms.ToString("F1", Invariant),
            Underruns.LateMixes.ToString(Invariant), Underruns.VoicesStopped.ToString(Invariant),
            Mb(p.GcCommittedBytes), Mb(frame.World.Stats.SoundCacheBytes),
            string.Join(',', Enum.GetValues<GlObjectKind>().Select(k => (frame.Gl?.Objects[k] ?? 0).ToString(Invariant))),
            (frame.Gl?.Objects.Total ?? 0).ToString(Invariant), (frame.Gl?.MaterialTextures ?? 0).ToString(Invariant), GlRebuilds.ToString(Invariant));
        File.AppendAllText(_options.SoakCsv, row + "\n");
        SoakRows++;
        _soakWindow.Clear();
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", Invariant);

    /// <summary>Rewrites the heartbeat file (when there is one) with <paramref name="state"/>.</summary>
    internal void Write(KioskState state)
    {
        State = state;
        _nextBeat = _uptime.Elapsed + _options.HeartbeatEvery;
        if (_options.StatusFile is not { } file) return;
        ProcessFigures p = ProcessFigures.Now();
        string temp = file + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("state", state.ToString().ToLowerInvariant());
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("startedUtc", _startedUtc);
            json.WriteString("updatedUtc", DateTime.UtcNow);
            json.WriteNumber("uptimeSeconds", Math.Round(_uptime.Elapsed.TotalSeconds, 1));
            json.WriteNumber("frames", Frames);
            json.WriteNumber("restarts", Restarts);
            if (LastFault is null) json.WriteNull("lastFault");
            else json.WriteString("lastFault", LastFault);
            json.WriteNumber("frameP99Ms", Math.Round(_beatWindow.Quantile(0.99), 2));
            json.WriteNumber("rssMb", Math.Round(p.RssBytes / 1048576.0, 1));
            json.WriteNumber("managedMb", Math.Round(p.ManagedBytes / 1048576.0, 1));
            json.WriteNumber("threads", p.Threads);
            json.WriteNumber("oscReceived", _oscReceived);
            json.WriteNumber("oscDropped", _oscDropped);
            json.WriteNumber("underrunsLateMix", Underruns.LateMixes);
            json.WriteNumber("underrunsVoiceStopped", Underruns.VoicesStopped);
            json.WriteNumber("glObjects", _glObjects?.Total ?? 0);
            json.WriteNumber("glRebuilds", GlRebuilds);
            json.WriteEndObject();
        }
        File.Move(temp, file, overwrite: true);
        _beatWindow.Clear();
    }
}
