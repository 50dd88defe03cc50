using GenWorld.World.Emitters;

namespace GenWorld.Host.Scene;

/// <summary>
/// The loudness envelope of each playing emitter's looping voice, so its object can swell with the sound. Voices loop
/// their clip from the moment they first play, so the envelope at time t is the clip's RMS (10 ms frames, scaled so
/// the clip's loudest frame is 1) at (t − start) modulo the clip's length. Computed once per content version.
/// </summary>
internal sealed class EmitterEnvelope
{
    private const double FrameSeconds = 0.01;
    private readonly Dictionary<int, (int Version, float[] Rms, double Start)> _clips = [];

    /// <summary>The envelope 0..1 of <paramref name="e"/> at <paramref name="time"/>; 0 while it has no sound.</summary>
    public float At(Emitter e, double time)
    {
        if (e.Samples is null || e.Samples.Length == 0 || e.Gain <= 0) return 0f;
        if (!_clips.TryGetValue(e.Id, out var clip) || clip.Version != e.ContentVersion)
            _clips[e.Id] = clip = (e.ContentVersion, Frames(e.Samples, e.SampleRate), time);
        double clipSeconds = e.Samples.Length / (double)e.SampleRate;
        double position = (time - clip.Start) % clipSeconds;
        int frame = Math.Clamp((int)(position / FrameSeconds), 0, clip.Rms.Length - 1);
        return clip.Rms[frame];
    }

    /// <summary>Forgets emitters the world removed.</summary>
    public void Forget(int id) => _clips.Remove(id);

    /// <summary>RMS per 10 ms frame, divided by the loudest frame's.</summary>
    internal static float[] Frames(float[] samples, int sampleRate)
    {
        int hop = Math.Max(1, (int)(sampleRate * FrameSeconds));
        var rms = new float[(samples.Length + hop - 1) / hop];
        for (int f = 0; f < rms.Length; f++)
        {
            double sum = 0;
            int start = f * hop, end = Math.Min(samples.Length, start + hop);
            for (int i = start; i < end; i++) sum += samples[i] * samples[i];
            rms[f] = (float)Math.Sqrt(sum / Math.Max(1, end - start));
        }
        float peak = rms.Max();
        if (peak > 0) for (int f = 0; f < rms.Length; f++) rms[f] /= peak;
        return rms;
    }
}
