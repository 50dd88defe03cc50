namespace GenWorld.Core.Sequences;

/// <summary>
/// The prior's tokens. A performance is START, then per note: zero or more SHIFT tokens (time since the previous onset,
/// greedily split into the buckets), FAMILY, PITCH, DURATION. Factored tokens keep the vocabulary at 109 instead of the
/// ~100k of combined (shift, family, pitch, duration) tokens, so every token is seen often in a small corpus.
/// </summary>
public static class NoteVocabulary
{
    /// <summary>Grid step: 1/24 s holds both sixteenths (3 steps) and eighth triplets (4 steps) at 120 bpm.</summary>
    public const double StepSeconds = 1.0 / 24;

    /// <summary>Lowest pitch (the notes VAE's trained range).</summary>
    public const int PitchMin = 24;

    /// <summary>Highest pitch.</summary>
    public const int PitchMax = 96;

    /// <summary>GM families.</summary>
    public const int Families = 16;

    /// <summary>Time-shift buckets in grid steps (1/24 s … 2 s).</summary>
    public static IReadOnlyList<int> ShiftSteps { get; } = [1, 2, 3, 4, 6, 8, 12, 16, 24, 48];

    /// <summary>Duration buckets in grid steps (1/24 s … 1 s; the VAE's notes last about 1 s).</summary>
    public static IReadOnlyList<int> DurationSteps { get; } = [1, 2, 3, 4, 6, 8, 12, 16, 24];

    /// <summary>The START token.</summary>
    public const int Start = 0;

    /// <summary>First SHIFT token.</summary>
    public static int ShiftBase => 1;

    /// <summary>First FAMILY token.</summary>
    public static int FamilyBase => ShiftBase + ShiftSteps.Count;

    /// <summary>First PITCH token.</summary>
    public static int PitchBase => FamilyBase + Families;

    /// <summary>First DURATION token.</summary>
    public static int DurationBase => PitchBase + PitchMax - PitchMin + 1;

    /// <summary>Number of tokens.</summary>
    public static int Size => DurationBase + DurationSteps.Count;

    /// <summary>The kind of a token; throws for ids outside the vocabulary.</summary>
    public static TokenKind KindOf(int token) => token switch
    {
        Start => TokenKind.Start,
        _ when token >= ShiftBase && token < FamilyBase => TokenKind.Shift,
        _ when token >= FamilyBase && token < PitchBase => TokenKind.Family,
        _ when token >= PitchBase && token < DurationBase => TokenKind.Pitch,
        _ when token >= DurationBase && token < Size => TokenKind.Duration,
        _ => throw new ArgumentOutOfRangeException(nameof(token), token, $"token ids are 0..{Size - 1}"),
    };

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (the grammar above).</summary>
    public static bool IsAllowed(int previous, int next) => (KindOf(previous), KindOf(next)) switch
    {
        (TokenKind.Start or TokenKind.Shift or TokenKind.Duration, TokenKind.Shift or TokenKind.Family) => true,
        (TokenKind.Family, TokenKind.Pitch) => true,
        (TokenKind.Pitch, TokenKind.Duration) => true,
        _ => false,
    };

    /// <summary>The duration bucket nearest to <paramref name="steps"/> (in log scale, so 5 → 4 and 7 → 8 stay fair).</summary>
    public static int NearestDurationBucket(double steps)
    {
        double target = Math.Log(Math.Max(steps, 1));
        int best = 0;
        for (int i = 1; i < DurationSteps.Count; i++)
            if (Math.Abs(Math.Log(DurationSteps[i]) - target) < Math.Abs(Math.Log(DurationSteps[best]) - target)) best = i;
        return best;
    }

    /// <summary>START followed by the tokens of each event; events must be sorted by onset and in range.</summary>
    public static int[] Encode(IReadOnlyList<NoteEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var tokens = new List<int>(events.Count * 4 + 1) { Start };
        long time = 0;
        foreach (NoteEvent e in events)
        {
            if (e.OnsetStep < time) throw new ArgumentException($"events must be sorted by onset (step {e.OnsetStep} after {time}).", nameof(events));
            if (e.Family is < 0 or >= Families) throw new ArgumentException($"family {e.Family} is outside 0..{Families - 1}.", nameof(events));
            if (e.Pitch is < PitchMin or > PitchMax) throw new ArgumentException($"pitch {e.Pitch} is outside {PitchMin}..{PitchMax}.", nameof(events));
            long gap = e.OnsetStep - time;
            for (int i = ShiftSteps.Count - 1; i >= 0 && gap > 0; i--)
                for (; gap >= ShiftSteps[i]; gap -= ShiftSteps[i]) tokens.Add(ShiftBase + i);
            time = e.OnsetStep;
            tokens.Add(FamilyBase + e.Family);
            tokens.Add(PitchBase + e.Pitch - PitchMin);
            tokens.Add(DurationBase + NearestDurationBucket(e.DurationSteps));
        }
        return [.. tokens];
    }

    /// <summary>The events of a token stream; an unfinished last event and tokens out of grammar are skipped.</summary>
    public static List<NoteEvent> Decode(IEnumerable<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var events = new List<NoteEvent>();
        long time = 0;
        int? family = null, pitch = null;
        foreach (int token in tokens)
        {
            switch (KindOf(token))
            {
                case TokenKind.Shift: time += ShiftSteps[token - ShiftBase]; family = pitch = null; break;
                case TokenKind.Family: family = token - FamilyBase; pitch = null; break;
                case TokenKind.Pitch: pitch = family is null ? null : token - PitchBase + PitchMin; break;
                case TokenKind.Duration:
                    if (family is int f && pitch is int p) events.Add(new NoteEvent(time, DurationSteps[token - DurationBase], f, p));
                    family = pitch = null;
                    break;
                default: family = pitch = null; break;
            }
        }
        return events;
    }
}
