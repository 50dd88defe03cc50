using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Voices;

/// <summary>
/// One shaped OpenAL buffer per (sound, loop or one-shot) while slots use it; the last user's release deletes it.
/// </summary>
internal sealed class VoiceBuffers(AlContext context, VoicePoolOptions options) : IDisposable
{
    private readonly Dictionary<(VoiceSound, bool), (AlBuffer Buffer, int Users)> _buffers = [];

    public int Count => _buffers.Count;

    public AlBuffer Acquire(VoiceSound sound, bool loop)
    {
        if (_buffers.TryGetValue((sound, loop), out var entry))
        {
            _buffers[(sound, loop)] = (entry.Buffer, entry.Users + 1);
            return entry.Buffer;
        }
        int edge = (int)(options.EdgeFadeSeconds * sound.SampleRate);
        AlBuffer buffer = context.CreateBuffer();
        try
        {
            if (loop)
            {
                ShapedLoop shaped = BufferShaping.LoopWithOnset(sound.Samples, (int)(options.LoopCrossfadeSeconds * sound.SampleRate), edge);
                buffer.Upload(shaped.Samples, 1, sound.SampleRate);
                buffer.SetLoopPoints(shaped.LoopStart, shaped.Samples.Length);
            }
            else buffer.Upload(BufferShaping.FadeEnds(sound.Samples, edge), 1, sound.SampleRate);
        }
        catch { buffer.Dispose(); throw; }
        _buffers.Add((sound, loop), (buffer, 1));
        return buffer;
    }

    /// <summary>Lets go of a buffer; the caller has already detached it from its source.</summary>
    public void Release(VoiceSound sound, bool loop)
    {
        if (!_buffers.TryGetValue((sound, loop), out var entry)) return;
        if (entry.Users > 1) { _buffers[(sound, loop)] = (entry.Buffer, entry.Users - 1); return; }
        _buffers.Remove((sound, loop));
        entry.Buffer.Dispose();
    }

    public void Dispose()
    {
        foreach (var entry in _buffers.Values) entry.Buffer.Dispose();
        _buffers.Clear();
    }
}
