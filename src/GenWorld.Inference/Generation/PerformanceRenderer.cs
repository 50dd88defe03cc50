using GenWorld.Core.Sequences;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Renders generated notes through the notes VAE: every (family, pitch) is decoded once at its pitch with the timbre
/// table's latent, then each note is placed at its onset, held for its length and faded over a short release (the VAE's
/// notes ring for about a second, so a held length means "let it ring this long"), faded with a raised cosine, and the mix
/// is levelled by a look-ahead gain limiter, then peak-normalised.
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
                // Raised-cosine release: no corner at either end (a linear ramp's corners are small clicks).
                float gain = i < hold ? 1f : 0.5f * (1f + MathF.Cos(MathF.PI * (i - hold) / release));
                mix[start + i] += clip[i] * gain;
            }
        }
        Limit(mix);
        return mix;
    }

    /// <summary>
    /// Chords stack into rare tall peaks, so plain peak normalisation leaves the music quiet: scale the 99.5th
    /// percentile of |x| to 0.5, then hold the peaks under -1 dBFS with a gain that only moves between 10 ms block
    /// centres, each block's gain low enough for its own peak and its neighbours' (look-ahead), and finally
    /// peak-normalise. A slowly moving gain adds no distortion; the tanh soft clip it replaces turned every chord's
    /// peaks into broadband energy up to 24 kHz, heard as clicks where notes overlapped.
    /// </summary>
    private void Limit(float[] mix)
    {
        if (mix.Length == 0) return;
        float[] magnitudes = [.. mix.Select(Math.Abs)];
        Array.Sort(magnitudes);
        float loud = magnitudes[(int)(0.995 * (magnitudes.Length - 1))];
        if (loud <= 1e-6f) return;
        float scale = 0.5f / loud;
        for (int i = 0; i < mix.Length; i++) mix[i] *= scale;
        int block = Math.Max(1, SampleRate / 100), blocks = (mix.Length + block - 1) / block;
        var peaks = new float[blocks];
        for (int i = 0; i < mix.Length; i++) peaks[i / block] = Math.Max(peaks[i / block], Math.Abs(mix[i]));
        var gains = new float[blocks];
        for (int b = 0; b < blocks; b++)
        {
            float near = Math.Max(peaks[b], Math.Max(b > 0 ? peaks[b - 1] : 0, b + 1 < blocks ? peaks[b + 1] : 0));
            gains[b] = near > PeakTarget ? PeakTarget / near : 1f;
        }
        float peak = 0;
        for (int i = 0; i < mix.Length; i++)
        {
            double position = Math.Clamp((i - (block / 2.0)) / block, 0, blocks - 1);
            int b = (int)position, next = Math.Min(b + 1, blocks - 1);
            float t = (float)(position - b);
            mix[i] *= gains[b] + ((gains[next] - gains[b]) * t);
            peak = Math.Max(peak, Math.Abs(mix[i]));
        }
        for (int i = 0; i < mix.Length; i++) mix[i] *= PeakTarget / peak;
    }
}
