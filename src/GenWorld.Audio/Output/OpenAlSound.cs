using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Output;

/// <summary>A clip held in an OpenAL buffer.</summary>
internal sealed class OpenAlSound(AlBuffer buffer, double seconds) : IAudioSound
{
    public AlBuffer Buffer { get; } = buffer;

    public double Seconds { get; } = seconds;

    public void Dispose() => Buffer.Dispose();
}
