namespace GenWorld.Audio.Output;

/// <summary>A clip loaded into an <see cref="IAudioOutput"/>; dispose when no voice needs it any more.</summary>
public interface IAudioSound : IDisposable
{
    /// <summary>Duration in seconds.</summary>
    double Seconds { get; }
}
