namespace GenWorld.Osc.Protocol;

/// <summary>
/// An OSC time tag: a 64-bit NTP timestamp, seconds since 1900-01-01 UTC in the high 32 bits and a binary fraction of a
/// second in the low 32. The value 1 (0 seconds, fraction 1) means "immediately". The 32-bit seconds wrap in 2036
/// (NTP era 1); installations run on today's clocks, so era 0 is assumed.
/// </summary>
public readonly record struct OscTimeTag(ulong Value) : IComparable<OscTimeTag>
{
    private const double FractionPerSecond = 4294967296.0;   // 2^32
    private static readonly DateTime NtpEpoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The special "dispatch now" tag.</summary>
    public static OscTimeTag Immediately { get; } = new(1);

    /// <summary>The current wall-clock time.</summary>
    public static OscTimeTag Now => FromDateTime(DateTime.UtcNow);

    /// <summary>Whether this is the "immediately" tag.</summary>
    public bool IsImmediate => Value == 1;

    /// <summary>Whole seconds since 1900.</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>Fraction of a second in units of 2^-32 s.</summary>
    public uint Fraction => (uint)Value;

    /// <summary>The tag of a UTC instant (local times are converted first).</summary>
    public static OscTimeTag FromDateTime(DateTime time)
    {
        double seconds = (time.ToUniversalTime() - NtpEpoch).TotalSeconds;
        if (seconds < 0 || seconds >= uint.MaxValue + 1.0)
            throw new ArgumentOutOfRangeException(nameof(time), time, "An OSC time tag holds 1900-01-01 to 2036-02-07 UTC.");
        return FromSeconds(seconds);
    }

    /// <summary>The tag of a number of seconds since 1900.</summary>
    public static OscTimeTag FromSeconds(double secondsSince1900)
    {
        if (!(secondsSince1900 >= 0 && secondsSince1900 < uint.MaxValue + 1.0))
            throw new ArgumentOutOfRangeException(nameof(secondsSince1900), secondsSince1900, "An OSC time tag holds 0 to 2^32 seconds since 1900.");
        ulong whole = (ulong)Math.Floor(secondsSince1900);
        ulong fraction = (ulong)((secondsSince1900 - whole) * FractionPerSecond);
        return new OscTimeTag((whole << 32) | Math.Min(fraction, uint.MaxValue));
    }

    /// <summary>Seconds since 1900, with the fraction (resolution about 1 µs in a double at today's dates).</summary>
    public double ToSeconds() => Seconds + Fraction / FractionPerSecond;

    /// <summary>The UTC instant of this tag.</summary>
    public DateTime ToDateTime() => NtpEpoch.AddTicks((long)(ToSeconds() * TimeSpan.TicksPerSecond));

    /// <summary>Orders by time; "immediately" sorts before every real instant.</summary>
    public int CompareTo(OscTimeTag other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> is earlier.</summary>
    public static bool operator <(OscTimeTag left, OscTimeTag right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is later.</summary>
    public static bool operator >(OscTimeTag left, OscTimeTag right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is earlier or equal.</summary>
    public static bool operator <=(OscTimeTag left, OscTimeTag right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is later or equal.</summary>
    public static bool operator >=(OscTimeTag left, OscTimeTag right) => left.Value >= right.Value;

    /// <inheritdoc/>
    public override string ToString() => IsImmediate ? "immediately" : ToDateTime().ToString("O");
}
