using System.Numerics;

namespace GenWorld.Audio.Voices;

/// <summary>
/// The pool's decisions without any audio API: which emitters get the N slots (nearest first, with hysteresis), each
/// slot's fade, when a faded-out slot is released, when one-shots re-trigger and with what variation. The OpenAL pool
/// and the null pool run the same scheduler, so their behaviour is the same apart from the sound.
/// </summary>
internal sealed class VoiceScheduler
{
    private readonly VoicePoolOptions _options;
    private readonly Random _random;
    private readonly List<(int Index, float Score)> _ranked = [];
    private readonly HashSet<long> _selected = [];
    private readonly Dictionary<long, int> _wantedIndex = [];
    private double _lastTime = double.NaN;

    public VoiceScheduler(VoicePoolOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        Slots = [.. Enumerable.Range(0, options.MaxVoices).Select(_ => new SchedulerSlot())];
    }

    public SchedulerSlot[] Slots { get; }

    /// <summary>Looping voices found stopped while they should sound (each restarted at once): audio that ran dry.</summary>
    public int Starved { get; private set; }

    public void Update(double time, Vector3 listener, ReadOnlySpan<VoiceRequest> wanted, IVoiceBackend backend)
    {
        if (!double.IsFinite(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "Time must be finite.");
        if (time < _lastTime) throw new ArgumentOutOfRangeException(nameof(time), time, $"Time went backwards ({_lastTime} -> {time}).");
        float dt = double.IsNaN(_lastTime) ? 0f : (float)(time - _lastTime);
        _lastTime = time;
        Select(listener, wanted);

        for (int s = 0; s < Slots.Length; s++)
        {
            SchedulerSlot slot = Slots[s];
            if (slot.Request is not { } current) continue;
            if (!slot.FadingOut)
            {
                if (_wantedIndex.TryGetValue(current.Id, out int w) && _selected.Contains(current.Id)
                    && ReferenceEquals(wanted[w].Sound, current.Sound) && wanted[w].Playback.Loop == current.Playback.Loop)
                    slot.Request = wanted[w];
                else
                    slot.FadingOut = true;   // left range, stolen, or new content: fade out; the id may start again elsewhere
            }
            Advance(slot, s, time, dt, backend);
        }

        AssignNewcomers(time, wanted, backend);
        for (int s = 0; s < Slots.Length; s++)
            if (Slots[s].Request is { } r) backend.Apply(s, r, r.Gain * Slots[s].VariationGain * Smooth(Slots[s].Fade), Slots[s].Pitch);
        TriggerDue(time, backend);
    }

    public void ReleaseAll(IVoiceBackend backend)
    {
        for (int s = 0; s < Slots.Length; s++)
            if (Slots[s].Request is not null)
            {
                backend.Release(s);
                Slots[s] = new SchedulerSlot();
            }
    }

    private void Select(Vector3 listener, ReadOnlySpan<VoiceRequest> wanted)
    {
        _wantedIndex.Clear();
        _ranked.Clear();
        for (int i = 0; i < wanted.Length; i++)
        {
            wanted[i].Validate();
            if (!_wantedIndex.TryAdd(wanted[i].Id, i))
                throw new ArgumentException($"Voice id {wanted[i].Id} is requested twice in one frame.", nameof(wanted));
            float score = Vector3.Distance(listener, wanted[i].Position);
            if (Holds(wanted[i].Id)) score *= 1f - _options.Hysteresis;
            _ranked.Add((i, score));
        }
        _ranked.Sort((a, b) => a.Score.CompareTo(b.Score));
        _selected.Clear();
        for (int k = 0; k < Math.Min(_ranked.Count, Slots.Length); k++) _selected.Add(wanted[_ranked[k].Index].Id);
    }

    private void Advance(SchedulerSlot slot, int s, double time, float dt, IVoiceBackend backend)
    {
        float step = dt / _options.FadeSeconds;
        if (!slot.FadingOut)
        {
            slot.Fade = MathF.Min(1f, slot.Fade + step);
            return;
        }
        slot.Fade = MathF.Max(0f, slot.Fade - step);
        if (slot.Fade > 0) return;
        if (double.IsNaN(slot.SilentSince)) slot.SilentSince = time;
        if (time - slot.SilentSince >= _options.StopDelaySeconds)
        {
            backend.Release(s);
            Slots[s] = new SchedulerSlot();
        }
    }

    private void AssignNewcomers(double time, ReadOnlySpan<VoiceRequest> wanted, IVoiceBackend backend)
    {
        foreach ((int index, _) in _ranked)
        {
            VoiceRequest request = wanted[index];
            if (!_selected.Contains(request.Id) || Holds(request.Id)) continue;
            int free = Array.FindIndex(Slots, s => s.Request is null);
            if (free < 0) return;   // all slots busy (some fading out): newcomers wait for one to free up
            // At full gain from the first frame: a new voice starts at its sound's own onset, which the buffer shaping
            // keeps click-free (edge fade; a loop returns past it), so a ramp would only blunt the attack and hold back the
            // first audible frame by one to two frames. Fades stay for voices that leave, are stolen or change content.
            Slots[free] = new SchedulerSlot { Request = request, NextTrigger = time, NeedsLoopStart = request.Playback.Loop, Fade = 1 };
            backend.Assign(free, request);
        }
    }

    private void TriggerDue(double time, IVoiceBackend backend)
    {
        for (int s = 0; s < Slots.Length; s++)
        {
            SchedulerSlot slot = Slots[s];
            if (slot.Request is not { } r) continue;
            if (slot.NeedsLoopStart)
            {
                backend.Trigger(s);
                slot.NeedsLoopStart = false;
                continue;
            }
            if (r.Playback.Loop && !backend.IsPlaying(s))
            {
                // A loop only stops when something went wrong under it (its device stalled or was lost, a reset, a
                // bug): count it as an underrun and start it again rather than leave the emitter silent.
                Starved++;
                backend.Trigger(s);
                continue;
            }
            if (r.Playback.Loop || slot.FadingOut || time < slot.NextTrigger || backend.IsPlaying(s)) continue;
            // New variation first, then start: the gain set before play is the one the trigger starts with.
            VoicePlayback p = r.Playback;
            slot.Pitch = 1f + (p.PitchVariation * ((2 * _random.NextSingle()) - 1));
            slot.VariationGain = 1f + (p.GainVariation * ((2 * _random.NextSingle()) - 1));
            backend.Apply(s, r, r.Gain * slot.VariationGain * Smooth(slot.Fade), slot.Pitch);
            backend.Trigger(s);
            slot.Triggers++;
            slot.PlayingUntil = time + (r.Sound.Seconds / slot.Pitch);
            slot.NextTrigger = time + p.RetriggerSeconds;
        }
    }

    private bool Holds(long id) => Array.Exists(Slots, s => s.Request is { } r && r.Id == id && !s.FadingOut);

    /// <summary>Smoothstep: the gain ramp starts and ends with zero slope, so the envelope itself has no corner.</summary>
    private static float Smooth(float x) => x * x * (3 - (2 * x));
}

/// <summary>One slot's state in the scheduler.</summary>
internal sealed class SchedulerSlot
{
    public VoiceRequest? Request { get; set; }
    public float Fade { get; set; }
    public bool FadingOut { get; set; }
    public double SilentSince { get; set; } = double.NaN;
    public double NextTrigger { get; set; }
    public double PlayingUntil { get; set; }
    public bool NeedsLoopStart { get; set; }
    public float Pitch { get; set; } = 1f;
    public float VariationGain { get; set; } = 1f;
    public int Triggers { get; set; }
}
