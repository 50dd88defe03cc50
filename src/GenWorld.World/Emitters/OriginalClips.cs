using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;

namespace GenWorld.World.Emitters;

/// <summary>
/// The user's own recordings behind a field folder's anchors (field.json lists each anchor's clip): an emitter sitting
/// on an anchor plays the original there, and generated sounds only between and around them (a re-trigger's variation).
/// Clips are read and resampled to the world's output rate off the game thread.
/// </summary>
internal sealed class OriginalClips(IReadOnlyDictionary<string, string> clipOfAnchor, int outputRate)
{
    /// <summary>Whether the anchor <paramref name="anchorId"/> has an original clip.</summary>
    public bool Has(string anchorId) => clipOfAnchor.ContainsKey(anchorId);

    /// <summary>The original clip of <paramref name="anchorId"/>, mono at the output rate; faults with the file's problem when it cannot be read.</summary>
    public Task<float[]> LoadAsync(string anchorId, CancellationToken cancel) => Task.Run(() =>
    {
        string path = clipOfAnchor[anchorId];
        AudioClip clip;
        try { clip = WavFile.Read(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"original clip {path}: {e.Message}", e);
        }
        float[] mono = Mono(clip);
        return clip.SampleRate == outputRate ? mono : new PolyphaseResampler(clip.SampleRate, outputRate).Process(mono);
    }, cancel);

    private static float[] Mono(AudioClip clip)
    {
        if (clip.Channels == 1) return clip.Samples;
        var mono = new float[clip.Samples.Length / clip.Channels];
        for (int i = 0; i < mono.Length; i++)
        {
            float sum = 0;
            for (int c = 0; c < clip.Channels; c++) sum += clip.Samples[(i * clip.Channels) + c];
            mono[i] = sum / clip.Channels;
        }
        return mono;
    }
}
