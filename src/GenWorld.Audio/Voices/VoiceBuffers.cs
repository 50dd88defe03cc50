using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Voices;

/// <summary>
/// One shaped OpenAL buffer per (sound, loop or one-shot) while slots use it; the last user's release deletes it.
/// </summary>
internal sealed class VoiceBuffers(AlContext context, VoicePoolOptions options) : IDisposable
{
    private readonly Dictionary<(VoiceSound, bool), (AlBuffer Buffer, int Users)> _buffers = [];
    private float[] _shaping = [];   // reused for every new buffer's shaped samples (OpenAL copies them on upload)

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
            int length = sound.Samples.Length;
            if (_shaping.Length < length) _shaping = new float[length];
            Span<float> shaped = _shaping.AsSpan(0, length);
            if (loop)
            {
                int loopStart = BufferShaping.LoopWithOnset(sound.Samples, shaped, (int)(options.LoopCrossfadeSeconds * sound.SampleRate), edge);
                buffer.Upload(shaped, 1, sound.SampleRate);
                buffer.SetLoopPoints(loopStart, length);
            }
            else
            {
                BufferShaping.FadeEnds(sound.Samples, shaped, edge);
                buffer.Upload(shaped, 1, sound.SampleRate);
            }
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
