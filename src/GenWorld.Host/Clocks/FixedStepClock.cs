namespace GenWorld.Host.Clocks;

/// <summary>Frame <c>n</c> is at <c>n / fps</c> seconds, whatever the wall clock says (osu-framework's headless host clock).</summary>
public sealed class FixedStepClock : IFrameClock
{
    private long _next;

    /// <summary>A clock that advances <c>1 / fps</c> seconds per frame.</summary>
    public FixedStepClock(int fps)
    {
        if (fps is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(fps), fps, "frames per second must be 1..1000");
        Fps = fps;
    }

    /// <summary>Frames per second.</summary>
    public int Fps { get; }

    /// <summary>Index of the last frame returned by <see cref="Tick"/> (-1 before the first).</summary>
    public long Frame => _next - 1;

    /// <inheritdoc/>
    public double Now { get; private set; }

    /// <inheritdoc/>
    public double Tick()
    {
        Now = (double)_next / Fps;
        _next++;
        return Now;
    }

    /// <summary>
    /// Output samples at <paramref name="sampleRate"/> that belong to the last frame: the span from its start to the
    /// next frame's start, in integers so that frames always add up to exactly <c>seconds × sampleRate</c> samples.
    /// </summary>
    public int SamplesInFrame(int sampleRate) => (int)((_next * sampleRate / Fps) - ((_next - 1) * sampleRate / Fps));
}
