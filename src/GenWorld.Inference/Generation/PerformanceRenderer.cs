using GenWorld.Core.Sequences;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Renders generated notes through the notes VAE: every (family, pitch) is decoded once at its pitch with the timbre
/// table's latent, then each note is placed at its onset, held for its length and faded over a short release (the VAE's
/// notes ring for about a second, so a held length means "let it ring this long"), and the mix is levelled (soft-limited, then peak-normalised).
/// </summary>
public sealed class PerformanceRenderer
{
    private const float PeakTarget = 0.89f; // -1 dBFS
    private readonly SoundDecoder _decoder;
    private readonly TimbreTable _timbres;
    private readonly Dictionary<(int Family, int Pitch), float[]> _clips = [];

    /// <summary>Pairs a notes-VAE decoder with the timbre table of the prior (latent sizes must agree).</summary>
    public PerformanceRenderer(SoundDecoder decoder, TimbreTable timbres, double releaseSeconds = 0.08)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(timbres);
        if (decoder.LatentSize != timbres.LatentSize)
            throw new ArgumentException($"the decoder takes {decoder.LatentSize}-value latents but the timbre table holds {timbres.LatentSize}.", nameof(timbres));
        if (!(releaseSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(releaseSeconds), releaseSeconds, "the release must be > 0 s.");
        (_decoder, _timbres, ReleaseSeconds) = (decoder, timbres, releaseSeconds);
    }

    /// <summary>Fade-out after a note's length.</summary>
    public double ReleaseSeconds { get; }

    /// <summary>Output sample rate.</summary>
    public int SampleRate => _decoder.SampleRate;

    /// <summary>Distinct (family, pitch) sounds decoded so far.</summary>
    public int DecodedSounds => _clips.Count;

    /// <summary>The sound of one (family, pitch), decoded on first use.</summary>
    public float[] Sound(int family, int pitch)
    {
        if (!_clips.TryGetValue((family, pitch), out float[]? clip))
            _clips[(family, pitch)] = clip = _decoder.Decode(_timbres.For(family, pitch).Latent, pitch);
        return clip;
    }

    /// <summary>A mono mix of <paramref name="seconds"/> length; notes starting later are left out, tails are cut at the end.</summary>
    public float[] Render(IReadOnlyList<NoteEvent> events, double seconds)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!(seconds > 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "the length must be > 0 s.");
        var mix = new float[(int)Math.Ceiling(seconds * SampleRate)];
        int release = Math.Max(1, (int)(ReleaseSeconds * SampleRate));
        var struck = new HashSet<(long, int, int)>();
        foreach (NoteEvent e in events)
        {
            // The same key struck twice at once is one note (the prior sometimes repeats itself within a chord).
            if (!struck.Add((e.OnsetStep, e.Family, e.Pitch))) continue;
            int start = (int)Math.Round(e.OnsetSeconds * SampleRate);
            if (start >= mix.Length) continue;
            float[] clip = Sound(e.Family, e.Pitch);
            int hold = (int)Math.Round(e.DurationSeconds * SampleRate);
            int length = Math.Min(Math.Min(clip.Length, hold + release), mix.Length - start);
            for (int i = 0; i < length; i++)
            {
                float gain = i < hold ? 1f : 1f - (float)(i - hold) / release;
                mix[start + i] += clip[i] * gain;
            }
        }
        Limit(mix);
        return mix;
    }

    /// <summary>
    /// Chords stack into rare tall peaks, so plain peak normalisation leaves the music quiet: scale the 99.5th
    /// percentile of |x| to 0.5, round the few peaks above it off with tanh, then peak-normalise to -1 dBFS.
    /// </summary>
    private static void Limit(float[] mix)
    {
        if (mix.Length == 0) return;
        float[] magnitudes = [.. mix.Select(Math.Abs)];
        Array.Sort(magnitudes);
        float loud = magnitudes[(int)(0.995 * (magnitudes.Length - 1))];
        if (loud <= 1e-6f) return;
        float gain = 0.5f / loud, peak = 0;
        for (int i = 0; i < mix.Length; i++) peak = Math.Max(peak, Math.Abs(mix[i] = MathF.Tanh(mix[i] * gain)));
        for (int i = 0; i < mix.Length; i++) mix[i] *= PeakTarget / peak;
    }
}
