using GenWorld.Core.Sequences;

namespace GenWorld.Core.Tests.Sequences;

public sealed class NoteVocabularyTests
{
    [Fact]
    public void Events_survive_encode_and_decode_with_durations_on_their_buckets()
    {
        NoteEvent[] events = [new(0, 6, 0, 60), new(0, 6, 0, 64), new(5, 12, 4, 36), new(125, 24, 10, 96), new(126, 1, 15, 24)];

        int[] tokens = NoteVocabulary.Encode(events);
        List<NoteEvent> back = NoteVocabulary.Decode(tokens);

        Assert.Equal(events, back);
        Assert.Equal(NoteVocabulary.Start, tokens[0]);
        for (int i = 1; i < tokens.Length; i++) Assert.True(NoteVocabulary.IsAllowed(tokens[i - 1], tokens[i]));
        // A gap of 5 steps is 4 + 1; a gap of 120 is 48 + 48 + 24.
        Assert.Equal(109, NoteVocabulary.Size);
    }

    [Fact]
    public void Durations_snap_to_the_nearest_bucket_in_log_scale()
    {
        Assert.Equal(8, NoteVocabulary.DurationSteps[NoteVocabulary.NearestDurationBucket(7)]);
        Assert.Equal(24, NoteVocabulary.DurationSteps[NoteVocabulary.NearestDurationBucket(200)]);
        Assert.Equal(1, NoteVocabulary.DurationSteps[NoteVocabulary.NearestDurationBucket(0.2)]);
    }

    [Fact]
    public void Bad_events_are_refused_naming_the_problem()
    {
        Assert.Contains("sorted", Assert.Throws<ArgumentException>(() => NoteVocabulary.Encode([new(5, 1, 0, 60), new(4, 1, 0, 60)])).Message, StringComparison.Ordinal);
        Assert.Contains("pitch 100", Assert.Throws<ArgumentException>(() => NoteVocabulary.Encode([new(0, 1, 0, 100)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampler_is_seeded_respects_the_grammar_and_top_k()
    {
        float[] logits = new float[NoteVocabulary.Size];
        for (int i = 0; i < logits.Length; i++) logits[i] = i % 7;
        var sampler = new NoteTokenSampler(1.0, 3);
        var r1 = new Random(4);
        var r2 = new Random(4);
        int family = NoteVocabulary.FamilyBase + 2;

        int[] first = [.. Enumerable.Range(0, 200).Select(_ => sampler.Next(logits, family, r1))];
        int[] second = [.. Enumerable.Range(0, 200).Select(_ => sampler.Next(logits, family, r2))];

        Assert.Equal(first, second);
        Assert.All(first, t => Assert.Equal(TokenKind.Pitch, NoteVocabulary.KindOf(t)));
        Assert.True(first.Distinct().Count() <= 3, "top-k 3 drew more than 3 tokens");
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoteTokenSampler(0, 0));
    }
}
