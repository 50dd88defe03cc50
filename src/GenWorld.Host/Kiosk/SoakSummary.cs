using System.Globalization;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// What a soak CSV (<see cref="KioskStatus"/>'s rows) says: RSS once warmed up and at the end, its growth, the range of
/// the live OpenAL objects, GL objects and threads after warm-up, restarts, GL context rebuilds and audio underruns.
/// Warm-up ends at the later of a fixed time and the first row at which the sound cache reached 90 % of the most it held:
/// until the cache is full the process is still filling a bounded store, which is not growth.
/// </summary>
public sealed record SoakSummary
{
    /// <summary>Rows read.</summary>
    public required int Rows { get; init; }

    /// <summary>Seconds the soak ran (the last row).</summary>
    public required double Seconds { get; init; }

    /// <summary>Where warm-up ended (seconds).</summary>
    public required double WarmedUpAt { get; init; }

    /// <summary>RSS at the end of warm-up, MB.</summary>
    public required double RssWarmMb { get; init; }

    /// <summary>RSS in the last row, MB.</summary>
    public required double RssEndMb { get; init; }

    /// <summary>Highest RSS after warm-up, MB.</summary>
    public required double RssPeakMb { get; init; }

    /// <summary>RSS growth from the end of warm-up to the end, percent.</summary>
    public double RssGrowthPercent => RssWarmMb > 0 ? 100 * (RssEndMb - RssWarmMb) / RssWarmMb : 0;

    /// <summary>RSS growth over the second half of the time after warm-up, percent.</summary>
    public required double RssSecondHalfGrowthPercent { get; init; }

    /// <summary>
    /// RSS growth after warm-up from a least-squares line through every row since: its rise over that time, as a percent
    /// of its value at warm-up. Why beside the endpoint figure: RSS swings by ±3 MB from row to row (the allocator gives
    /// back and takes again), so two single rows can say +2 % or −1 % of the same flat hour; a leak shows as a slope.
    /// </summary>
    public required double RssTrendGrowthPercent { get; init; }

    /// <summary>Managed heap in use after warm-up: least and most, MB.</summary>
    public required (double Min, double Max) ManagedMb { get; init; }

    /// <summary>OpenAL sources and buffers alive after warm-up: least and most.</summary>
    public required (int Min, int Max) AlObjects { get; init; }

    /// <summary>Live GL objects (all kinds) after warm-up: least and most; null when the soak drew nothing (or its CSV is older).</summary>
    public (int Min, int Max)? GlObjects { get; init; }

    /// <summary>Renderer rebuilds on a fresh GL context after a loss, in the whole soak.</summary>
    public int GlRebuilds { get; init; }

    /// <summary>Threads after warm-up: least and most.</summary>
    public required (int Min, int Max) Threads { get; init; }

    /// <summary>Restarts in the whole soak.</summary>
    public required int Restarts { get; init; }

    /// <summary>Audio underruns in the whole soak (late mixes plus stopped voices).</summary>
    public required int Underruns { get; init; }

    /// <summary>The figures of <paramref name="csv"/>; warm-up lasts at least <paramref name="minWarmUpSeconds"/>.</summary>
    /// <exception cref="InvalidDataException">The soak ended before it warmed up, or a column is missing.</exception>
    public static SoakSummary Of(SoakCsv csv, double minWarmUpSeconds)
    {
        ArgumentNullException.ThrowIfNull(csv);
        double[] seconds = csv.Column("seconds"), rss = csv.Column("rss_mb"), cache = csv.Column("sound_cache_mb");
        double cacheFull = 0.9 * cache.Max(), cacheSoFar = 0;
        int warm = -1;
        for (int i = 0; i < csv.Rows && warm < 0; i++)
        {
            cacheSoFar = Math.Max(cacheSoFar, cache[i]);
            if (seconds[i] >= minWarmUpSeconds && cacheSoFar >= cacheFull) warm = i;
        }
        if (warm < 0 || warm == csv.Rows - 1) throw new InvalidDataException($"{csv.Path}: the soak ended before it warmed up ({seconds[^1]:F0} s).");
        double middle = (seconds[warm] + seconds[^1]) / 2;
        int half = Array.FindIndex(seconds, warm, s => s >= middle);
        double[] managed = csv.Column("managed_mb")[warm..], al = csv.Column("al_objects")[warm..], threads = csv.Column("threads")[warm..];
        return new SoakSummary
        {
            Rows = csv.Rows, Seconds = seconds[^1], WarmedUpAt = seconds[warm], RssWarmMb = rss[warm], RssEndMb = rss[^1], RssPeakMb = rss[warm..].Max(),
            RssSecondHalfGrowthPercent = 100 * (rss[^1] - rss[half]) / rss[half],
            RssTrendGrowthPercent = TrendGrowthPercent(seconds[warm..], rss[warm..]),
            ManagedMb = (managed.Min(), managed.Max()), AlObjects = ((int)al.Min(), (int)al.Max()), Threads = ((int)threads.Min(), (int)threads.Max()),
            Restarts = (int)csv.Column("restarts")[^1], Underruns = (int)csv.Underruns()[^1],
            GlObjects = csv.Has("gl_total") && csv.Column("gl_total").Max() > 0
                ? ((int)csv.Column("gl_total")[warm..].Min(), (int)csv.Column("gl_total")[warm..].Max()) : null,
            GlRebuilds = csv.Has("gl_rebuilds") ? (int)csv.Column("gl_rebuilds")[^1] : 0,
        };
    }

    private static double TrendGrowthPercent(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx > 0 ? sxy / sxx : 0, start = my + (slope * (x[0] - mx));
        return start > 0 ? 100 * slope * (x[^1] - x[0]) / start : 0;
    }

    /// <summary>One line for a log or a README.</summary>
    public override string ToString()
    {
        string gl = GlObjects is { } g ? string.Create(CultureInfo.InvariantCulture, $"GL objects {g.Min}-{g.Max} ({GlRebuilds} context rebuilds); ") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"soak: {Seconds / 60:F1} min, {Rows} rows; warmed up at {WarmedUpAt / 60:F1} min; RSS {RssWarmMb:F0} MB -> {RssEndMb:F0} MB " +
            $"({RssGrowthPercent:+0.0;-0.0} % after warm-up, trend {RssTrendGrowthPercent:+0.0;-0.0} %, {RssSecondHalfGrowthPercent:+0.0;-0.0} % over its second half; peak {RssPeakMb:F0} MB); " +
            $"managed {ManagedMb.Min:F0}-{ManagedMb.Max:F0} MB; AL objects {AlObjects.Min}-{AlObjects.Max}; {gl}" +
            $"threads {Threads.Min}-{Threads.Max}; restarts {Restarts}; underruns {Underruns}");
    }
}
