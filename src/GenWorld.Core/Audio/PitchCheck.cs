namespace GenWorld.Core.Audio;

/// <summary>Distance of an estimated fundamental from a requested MIDI pitch, and the tally behind a pitch-accuracy figure.</summary>
public static class PitchCheck
{
    /// <summary>The tolerance of pitch accuracy: a quarter tone.</summary>
    public const double ToleranceCents = 50;

    /// <summary>Frequency of a MIDI note in Hz (A4 = 69 = 440 Hz).</summary>
    public static double Hz(double midi) => 440 * Math.Pow(2, (midi - 69) / 12);

    /// <summary>Signed distance in cents from <paramref name="midi"/> to <paramref name="hz"/>.</summary>
    public static double Cents(double hz, double midi)
    {
        if (!(hz > 0)) throw new ArgumentOutOfRangeException(nameof(hz), hz, "must be a positive frequency.");
        return 1200 * Math.Log2(hz / Hz(midi));
    }

    /// <summary>True when an estimate exists and lies within <see cref="ToleranceCents"/> of the requested pitch.</summary>
    public static bool Within(double? hz, int midi) => hz is double f && Math.Abs(Cents(f, midi)) <= ToleranceCents;
}
