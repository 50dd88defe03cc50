namespace GenWorld.Osc.Transport;

/// <summary>
/// At most <c>rate</c> sends per second for a stream (listener pose, emitters): a 144 fps frame loop sends 30 or 60 times a
/// second, not 144. Slots are spaced by the period; after a stall it restarts from now instead of bursting to catch up.
/// </summary>
public sealed class OscRateLimiter
{
    /// <summary>Streams are capped at 60 Hz: receivers (TouchDesigner, Max) run at display rate and UDP queues are small.</summary>
    public const double MaxRateHz = 60;

    private readonly double _period;
    private double _next = double.NegativeInfinity;

    /// <summary>A limiter for <paramref name="rateHz"/> (0 &lt; rate ≤ 60).</summary>
    public OscRateLimiter(double rateHz)
    {
        if (!(rateHz > 0 && rateHz <= MaxRateHz))
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, $"An OSC stream rate is above 0 and at most {MaxRateHz} Hz.");
        RateHz = rateHz;
        _period = 1.0 / rateHz;
    }

    /// <summary>The rate.</summary>
    public double RateHz { get; }

    /// <summary>Whether a send is allowed at <paramref name="nowSeconds"/> (any monotonic clock); takes the slot if so.</summary>
    public bool TryAcquire(double nowSeconds)
    {
        if (nowSeconds < _next) return false;
        // Keep the cadence when called slightly late; restart from now after a stall (no burst of catch-up sends).
        _next = nowSeconds - _next < _period ? _next + _period : nowSeconds + _period;
        return true;
    }
}
