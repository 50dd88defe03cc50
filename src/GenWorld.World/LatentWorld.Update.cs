using System.Diagnostics;
using System.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.World;

/// <summary>The per-frame step: arrivals in, emitters placed and faded, prefetch hints out. Never waits.</summary>
public sealed partial class LatentWorld
{
    private const float VariationScale = 0.15f;
    private const double FadeOutSeconds = 0.15;

    /// <summary>
    /// Rising is quicker than falling, and an emitter that was silent starts at its target gain at once: its voice then
    /// starts at the sound's own onset, which the voice pool keeps click-free, so a ramp would only blunt the attack and
    /// delay the first audible frame. A gain already above zero rises at most this fast (an emitter moving up into the
    /// nearest few); falling stays slow, because an emitter that drops out of the nearest few has no other fade.
    /// </summary>
    private const double FadeInSeconds = 0.05;
    private Vector3 _velocity;
    private double _dt;
    private bool _started;

    /// <summary>Advances the world to <paramref name="time"/> (seconds, never decreasing) with the listener at <paramref name="listener"/>.</summary>
    public void Update(double time, Pose listener, WorldInput input = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!double.IsFinite(time) || (_started && time < Time))
            throw new ArgumentOutOfRangeException(nameof(time), time, $"time must be finite and not before the last update ({Time}).");
        Vector3 p = listener.Position;
        if (!float.IsFinite(p.X) || !float.IsFinite(p.Y) || !float.IsFinite(p.Z))
            throw new ArgumentException($"listener position {p} is not finite.", nameof(listener));
        long start = Stopwatch.GetTimestamp();
        _dt = _started ? time - Time : 0;
        TrackVelocity(time, p);
        Time = time;
        Listener = listener;
        _started = true;
        _removed.Clear();
        TakeArrivals();
        RefreshAfterSwap();
        Place(p);
        _ground?.Update(p);
        Fade();
        if (input.Retrigger) Retrigger();
        MeasureDensity(p);
        _prefetch.Hint(p, _velocity, _emitters.ContainsKey);
        _lastUpdateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        _maxUpdateMs = Math.Max(_maxUpdateMs, _lastUpdateMs);
    }

    private void TrackVelocity(double time, Vector3 position)
    {
        if (!_started) return;
        double dt = time - Time;
        if (dt <= 0) return;
        Vector3 instant = (position - Listener.Position) / (float)dt;
        float blend = (float)(1 - Math.Exp(-dt / 0.25)); // ~0.25 s smoothing: steady on a path, quick after a turn
        _velocity = Vector3.Lerp(_velocity, instant, blend);
    }

    private readonly List<(int Index, float DistanceSquared)> _densityScratch = [];

    /// <summary>
    /// Index of the anchor nearest the listener within earshot after the last update, or null in empty space: the
    /// original recording there (<see cref="AnchorSet"/>'s id names it) is what a HUD shows as "which sound is this".
    /// </summary>
    public int? NearestAnchor { get; private set; }

    /// <summary>1 − e^(−n/150) for the n anchors in earshot: 0 in empty space, ~0.5 at 100 anchors, near 1 in the thick of a cluster.</summary>
    private void MeasureDensity(Vector3 listener)
    {
        Projection.Grid.Query(listener, _options.EarshotRadius, _densityScratch);
        LocalDensity = 1f - MathF.Exp(-_densityScratch.Count / 150f);
        NearestAnchor = _densityScratch.Count == 0 ? null : _densityScratch.MinBy(n => n.DistanceSquared).Index;
    }

    private void TakeArrivals()
    {
        while (_arrivals.TryDequeue(out Arrival a))
        {
            if (!_emitters.TryGetValue(a.Emitter.Id, out Emitter? e) || !ReferenceEquals(e, a.Emitter)) continue;
            if (a.Texture is not null) { e.Texture = a.Texture; continue; }
            if (a.Variation != e.Variation) continue;
            if (a.Samples is null)
            {
                if (e.State != EmitterState.Ready) { e.State = EmitterState.Failed; e.Error = a.Error; }
                continue;
            }
            e.Samples = a.Samples;
            e.State = EmitterState.Ready;
            e.ContentVersion++;
            if (PlaysOriginal(e.Id, a.Variation)) _originalsServed++;
        }
    }

    private void Place(Vector3 listener)
    {
        List<(int Index, float DistanceSquared)> nearest = _emitterGrid.Nearest(listener, _options.TrackRadius, _options.MaxEmitters);
        var wanted = new HashSet<int>(nearest.Select(n => n.Index));
        foreach (int id in _emitters.Keys.Where(id => !wanted.Contains(id)).ToArray())
        {
            Emitter gone = _emitters[id];
            gone.Cancel?.Cancel(); // an unstarted request is dropped; a hinted one stays in the cache for a return visit
            gone.Cancel?.Dispose();
            gone.TextureCancel?.Cancel();
            _emitters.Remove(id);
            _removed.Add(id);
        }
        _ordered.Clear();
        for (int rank = 0; rank < nearest.Count; rank++)
        {
            (int index, float d2) = nearest[rank];
            if (!_emitters.TryGetValue(index, out Emitter? e))
            {
                e = NewEmitter(index);
                e.RequestedAt = Stopwatch.GetTimestamp();
                e.PlacedAt = Time;
                _emitters.Add(index, e);
                // The nearest few are about to be heard; the rest of the tracked ring can wait behind them.
                Request(e, rank < _options.MaxAudible ? RequestPriority.Normal : RequestPriority.Low);
                if (Materials is not null) _textureWork?.Request(e, Materials.Map(e.Latent));
            }
            e.Distance = MathF.Sqrt(d2);
            _ordered.Add(e);
        }
    }

    private void Fade()
    {
        float r = _options.EarshotRadius;
        for (int rank = 0; rank < _ordered.Count; rank++)
        {
            Emitter e = _ordered[rank];
            bool inEarshot = rank < _options.MaxAudible && e.Distance <= r;
            if (inEarshot && !e.HasBeenInEarshot)
            {
                e.HasBeenInEarshot = true;
                // Emitters already in earshot when first placed (start, teleport) had no chance to be prefetched.
                if (e.PlacedAt == Time) _spawnedInEarshot++;
                else
                {
                    _enteredEarshot++;
                    if (e.State == EmitterState.Ready) _readyWhenInEarshot++;
                }
                if (e.State == EmitterState.Pending) Request(e, RequestPriority.High); // needed now: jump the queue
            }
            // Smoothstep from the edge of earshot to 80% of it, then at most 1/FadeInSeconds per second up and
            // 1/FadeOutSeconds down, so voices fade in and out (no clicks) even when an emitter drops out of the nearest few at once.
            float t = Math.Clamp((r - e.Distance) / (0.2f * r), 0f, 1f);
            float target = inEarshot && e.State == EmitterState.Ready ? t * t * (3 - (2 * t)) : 0f;
            // From silence it starts at the target at once: its voice starts at the sound's onset, which is click-free.
            e.Gain = e.Gain == 0 && target > 0 ? target
                : e.Gain < target ? Math.Min(target, e.Gain + (float)(_dt / FadeInSeconds)) : Math.Max(target, e.Gain - (float)(_dt / FadeOutSeconds));
            e.IsAudible = e.Gain > 0 && e.State == EmitterState.Ready;
        }
    }

    /// <summary>
    /// Regenerates the sound of the tracked emitter <paramref name="emitterId"/> with a small variation of its latent (a
    /// remote "trigger"); the new clip cross-fades in when it arrives. False when no such emitter is tracked now.
    /// </summary>
    public bool Retrigger(int emitterId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_emitters.TryGetValue(emitterId, out Emitter? target)) return false;
        Vary(target);
        return true;
    }

    private void Retrigger()
    {
        Emitter? target = _ordered.FirstOrDefault(e => e.IsAudible);
        if (target is not null) Vary(target);
    }

    private void Vary(Emitter target)
    {
        target.Variation++;
        float[] noise = Core.Numerics.SeededLatent.StandardNormal((target.Id * 7919) + target.Variation, Projection.LatentSize);
        float[] baseLatent = Projection.Inverse(target.Position);
        target.Latent = [.. baseLatent.Select((v, i) => v + (VariationScale * noise[i]))];
        target.RequestedAt = Stopwatch.GetTimestamp();
        Request(target, RequestPriority.High);
    }

    private Emitter NewEmitter(int index)
    {
        FieldAnchor a = Anchors[index];
        return new Emitter(index, a.Position, a.Label, a.LabelName, PitchOf(a), Projection.Inverse(a.Position), _options.OutputSampleRate);
    }

    private int? PitchOf(FieldAnchor anchor) =>
        _pitchRange is not (int lo, int hi) ? null : Math.Clamp(anchor.Pitch ?? 60, lo, hi);

    /// <summary>Whether the emitter on anchor <paramref name="id"/> plays its original recording for <paramref name="variation"/>.</summary>
    private bool PlaysOriginal(int id, int variation) =>
        variation == 0 && _originals is { } originals && originals.Has(AnchorSet.Anchors[id].Id);

    private void Request(Emitter e, RequestPriority priority)
    {
        e.Cancel?.Cancel();
        e.Cancel?.Dispose();
        e.Cancel = new CancellationTokenSource();
        int variation = e.Variation;
        long requestedAt = e.RequestedAt;
        // On its anchor, a user's field plays the original recording; a re-trigger generates a variation of it.
        Task<float[]> content = PlaysOriginal(e.Id, variation)
            ? _originals!.LoadAsync(AnchorSet.Anchors[e.Id].Id, e.Cancel.Token)
            : _sounds.GenerateSoundAsync(e.Latent, new SoundConditioning(e.Pitch), priority, e.Cancel.Token);
        e.Arrival = content.ContinueWith(t =>
        {
            if (t.IsCanceled) return;
            long now = Stopwatch.GetTimestamp();
            if (t.IsCompletedSuccessfully)
            {
                float[] samples = t.GetAwaiter().GetResult();
                _arrivals.Enqueue(new Arrival(e, variation, samples, null, null, now));
                lock (_latency) _latency.Add(Stopwatch.GetElapsedTime(requestedAt, now).TotalMilliseconds);
            }
            else _arrivals.Enqueue(new Arrival(e, variation, null, null, t.Exception?.InnerException?.Message ?? "generation failed", now));
            _options.SoundArrived?.Invoke();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
