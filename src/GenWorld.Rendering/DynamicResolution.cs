namespace GenWorld.Rendering;

/// <summary>
/// Chooses the share of the output's pixels the scene is rasterised at (<see cref="Field.FieldRenderer.RenderScale"/>)
/// from the intervals between drawn pictures, as consoles hold their frame rate. A real-time loop skips a picture while
/// the GL is still on the last one, so a raster slower than the beat shows as an interval of two beats or more: when
/// <see cref="LateLimit"/> of the last <see cref="Window"/> pictures came that late, the scale steps down
/// (<see cref="Step"/>, to <see cref="MinimumScale"/>); after <see cref="CalmPictures"/> pictures in a row on the beat it
/// steps back up, and waits twice as long before the next step up each time a step up had to be taken back, so it
/// settles rather than hunts. Plain state, no clock: the caller says how long each interval was.
/// </summary>
public sealed class DynamicResolution
{
    /// <summary>Pictures looked back over for late ones.</summary>
    public const int Window = 60;

    /// <summary>Late pictures within <see cref="Window"/> that step the scale down.</summary>
    public const int LateLimit = 3;

    /// <summary>Factor of one step of the scale (per axis; 0.85² ≈ 0.72 of the pixels).</summary>
    public const float Step = 0.85f;

    /// <summary>Pictures in a row on the beat before the first step up.</summary>
    public const int CalmPictures = 240;

    private readonly double _lateMs;
    private readonly bool[] _late = new bool[Window];
    private int _next, _lateCount, _calm, _calmNeeded = CalmPictures;
    private int _level;
    private bool _justRaised;

    /// <summary>A controller for a loop beating every <paramref name="beatMs"/>, scaling down to <paramref name="minimumScale"/> at most.</summary>
    public DynamicResolution(double beatMs, float minimumScale = 0.5f)
    {
        if (!(beatMs > 0 && double.IsFinite(beatMs))) throw new ArgumentOutOfRangeException(nameof(beatMs), beatMs, "the beat must be above 0 ms.");
        if (!(minimumScale is >= 0.25f and <= 1f)) throw new ArgumentOutOfRangeException(nameof(minimumScale), minimumScale, "the minimum scale must be in 0.25..1.");
        // Half a beat of slack over the one beat a picture should take: two beats or more is a picture skipped.
        _lateMs = 1.5 * beatMs;
        MinimumScale = minimumScale;
    }

    /// <summary>The lowest scale it will choose.</summary>
    public float MinimumScale { get; }

    /// <summary>The scale to rasterise the next picture at (1 = the output's size).</summary>
    public float Scale { get; private set; } = 1f;

    /// <summary>Times the scale went down and up, for logs and the soak's figures.</summary>
    public (int Down, int Up) Changes { get; private set; }

    /// <summary>Records one picture, <paramref name="intervalMs"/> after the previous one; returns whether <see cref="Scale"/> changed.</summary>
    public bool Picture(double intervalMs)
    {
        bool late = intervalMs > _lateMs;
        if (_late[_next]) _lateCount--;
        _late[_next] = late;
        if (late) _lateCount++;
        _next = (_next + 1) % Window;
        _calm = late ? 0 : _calm + 1;

        if (_lateCount >= LateLimit && Scale > MinimumScale)
        {
            // A step up that the raster could not hold is taken back, and the next one waits twice as long.
            if (_justRaised) _calmNeeded = Math.Min(_calmNeeded * 2, 16 * CalmPictures);
            Scale = ScaleAt(++_level);
            Changes = (Changes.Down + 1, Changes.Up);
            Forget();
            _justRaised = false;
            return true;
        }
        if (_calm >= _calmNeeded && Scale < 1f)
        {
            Scale = ScaleAt(--_level);
            Changes = (Changes.Down, Changes.Up + 1);
            Forget();
            _justRaised = true;
            return true;
        }
        if (_calm >= _calmNeeded) _justRaised = false; // held a whole calm stretch at this scale
        return false;
    }

    private float ScaleAt(int level) => Math.Max(MinimumScale, MathF.Pow(Step, level));

    private void Forget()
    {
        Array.Clear(_late);
        _lateCount = 0;
        _calm = 0;
    }
}
