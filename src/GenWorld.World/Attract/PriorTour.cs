using System.Numerics;
using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;
using GenWorld.World.Cameras;
using GenWorld.World.Projection;

namespace GenWorld.World.Attract;

/// <summary>A generated note placed in the field: where its timbre latent projects.</summary>
/// <param name="Note">The note (onset, length, family, pitch).</param>
/// <param name="Position">Field position of its timbre latent.</param>
public readonly record struct TourNote(NoteEvent Note, Vector3 Position);

/// <summary>
/// A walk through the field played by the note prior: every generated note is placed where its timbre latent projects,
/// the focus glides towards the notes sounding now (exponential smoothing, so it never jumps), and the camera circles
/// slowly around the focus, itself smoothed from wherever it was when the tour began.
/// </summary>
public sealed class PriorTour : IDisposable
{
    private const int KeptNotes = 512;   // a live tour may run for days: older notes no longer move the focus
    private readonly PriorStream _stream;
    private readonly TimbreTable _timbres;
    private readonly LatentProjection _projection;
    private readonly List<TourNote> _notes = [];
    private Vector3 _focus, _eye;
    private double _time, _nextOnset;
    private NoteFeed? _feed;

    /// <summary>A tour drawn from <paramref name="stream"/> (seeded: same seed, same tour).</summary>
    public PriorTour(PriorStream stream, TimbreTable timbres, LatentProjection projection)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(timbres);
        ArgumentNullException.ThrowIfNull(projection);
        if (timbres.LatentSize != projection.LatentSize)
            throw new ArgumentException($"timbre latents have {timbres.LatentSize} values but the field's projection takes {projection.LatentSize}.", nameof(timbres));
        (_stream, _timbres, _projection) = (stream, timbres, projection);
    }

    /// <summary>
    /// Live hosts: draw notes ahead on a worker so <see cref="Update"/> never runs the prior on the frame thread (a note
    /// that is not ready yet joins a frame later). Off (offline <see cref="Record"/>): notes are drawn in Update, exactly.
    /// </summary>
    public bool DrawAhead { get; init; }

    /// <summary>Held around each prior step of the <see cref="DrawAhead"/> worker: give every tour on one prior the same object.</summary>
    public object PriorGate { get; init; } = new();

    /// <summary>Seconds for the focus to cover ~63% of the way to the notes sounding now.</summary>
    public double FocusSeconds { get; init; } = 1.2;

    /// <summary>Seconds for the eye to cover ~63% of the way to its orbit point.</summary>
    public double EyeSeconds { get; init; } = 2.0;

    /// <summary>Orbit radius around the focus (field units; the field is about ±40 across).</summary>
    public float OrbitRadius { get; init; } = 9f;

    /// <summary>Eye height above the focus.</summary>
    public float OrbitHeight { get; init; } = 3.5f;

    /// <summary>Orbit speed in radians per second.</summary>
    public float OrbitSpeed { get; init; } = 0.12f;

    /// <summary>Tour time in seconds.</summary>
    public double Time => _time;

    /// <summary>Notes generated so far, in onset order.</summary>
    public IReadOnlyList<TourNote> Notes => _notes;

    /// <summary>The pose now.</summary>
    public Pose Pose => Pose.LookAt(_eye, _focus);

    /// <summary>Starts from <paramref name="from"/> (the host's camera), looking at a point ahead of it.</summary>
    public void Begin(Pose from, float lookDistance = 8f)
    {
        _eye = from.Position;
        _focus = from.Position + Vector3.Normalize(from.Forward) * lookDistance;
        _time = 0;
    }

    /// <summary>Advances <paramref name="dt"/> seconds: generates the notes that start by then and moves focus and eye.</summary>
    public Pose Update(double dt)
    {
        if (!(dt >= 0) || !double.IsFinite(dt)) throw new ArgumentOutOfRangeException(nameof(dt), dt, "must be a finite number of seconds, 0 or more.");
        _time += dt;
        if (DrawAhead) _feed ??= new NoteFeed(_stream, PriorGate);
        while (_nextOnset <= _time)
        {
            NoteEvent? drawn = null;
            if (_feed is null) drawn = _stream.NextEvent();
            else if (!_feed.TryNext(out drawn)) break;
            NoteEvent note = drawn;
            _notes.Add(new TourNote(note, _projection.Forward(_timbres.For(note.Family, note.Pitch).Latent)));
            _nextOnset = note.OnsetSeconds;
        }
        if (DrawAhead && _notes.Count > 2 * KeptNotes) _notes.RemoveRange(0, _notes.Count - KeptNotes);
        _focus = Vector3.Lerp(_focus, Sounding(), Blend(dt, FocusSeconds));
        float angle = (float)(_time * OrbitSpeed);
        Vector3 orbit = _focus + new Vector3(MathF.Sin(angle) * OrbitRadius, OrbitHeight, MathF.Cos(angle) * OrbitRadius);
        _eye = Vector3.Lerp(_eye, orbit, Blend(dt, EyeSeconds));
        return Pose;
    }

    /// <summary>A camera path sampled every <paramref name="every"/> seconds of a fresh run of this tour (offline hosts).</summary>
    public CameraPath Record(Pose from, double seconds, double every = 0.25, double frame = 1.0 / 60)
    {
        if (DrawAhead) throw new InvalidOperationException("Record draws notes exactly in order; make the tour without DrawAhead.");
        Begin(from);
        var points = new List<(double, Vector3, Vector3)> { (0, _eye, _focus) };
        double next = every;
        while (_time < seconds)
        {
            Update(frame);
            if (_time + 1e-9 >= next) { points.Add((Math.Round(_time, 6), _eye, _focus)); next += every; }
        }
        return new CameraPath(points);
    }

    // Mean position of the notes sounding now (onset ≤ t < end), else of the latest note.
    private Vector3 Sounding()
    {
        Vector3 sum = Vector3.Zero;
        int count = 0;
        for (int i = _notes.Count - 1; i >= 0 && i >= _notes.Count - 64; i--)
        {
            NoteEvent n = _notes[i].Note;
            if (n.OnsetSeconds <= _time && _time < n.OnsetSeconds + n.DurationSeconds) { sum += _notes[i].Position; count++; }
        }
        if (count > 0) return sum / count;
        for (int i = _notes.Count - 1; i >= 0; i--)
            if (_notes[i].Note.OnsetSeconds <= _time) return _notes[i].Position;
        return _focus;
    }

    /// <summary>True when no worker is drawing notes (none started, or it returned after <see cref="Dispose"/>).</summary>
    public bool WorkerStopped => _feed?.Stopped ?? true;

    /// <summary>Stops the worker and waits until its prior step in flight returned (before freeing the prior's session).</summary>
    public bool StopAndWait(TimeSpan timeout) => _feed?.WaitStopped(timeout) ?? true;

    /// <summary>Asks the worker that draws notes ahead to stop; does not wait (nothing to do without <see cref="DrawAhead"/>).</summary>
    public void Dispose() => _feed?.Dispose();

    private static float Blend(double dt, double seconds) => (float)(1 - Math.Exp(-dt / seconds));
}
