using System.Numerics;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Output;

/// <summary>A voice backed by one OpenAL source.</summary>
internal sealed class OpenAlVoice(AlSource source) : IAudioVoice
{
    public Vector3 Position { get => source.Position; set => source.Position = value; }

    public float Gain { get => source.Gain; set => source.Gain = value; }

    public bool IsPlaying => !source.IsDisposed && source.State == AlSourceState.Playing;

    public void Stop() => source.Stop();

    public void Dispose() => source.Dispose();
}
