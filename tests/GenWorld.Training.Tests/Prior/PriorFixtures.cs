using GenWorld.Core.Sequences;
using GenWorld.Training.Prior;

namespace GenWorld.Training.Tests.Prior;

/// <summary>Tiny priors and a tiny corpus with real structure (a repeating bass + melody riff), so a few steps must help.</summary>
internal static class PriorFixtures
{
    public static PriorConfig TinyTransformer(int context = 16) => new(PriorArchitecture.Transformer, NoteVocabulary.Size, context, 32, 2, 4, Dropout: 0);

    public static PriorConfig TinyGru(int context = 16) => new(PriorArchitecture.Gru, NoteVocabulary.Size, context, 32, 2, 1, 16, Dropout: 0);

    /// <summary>A riff: bass on the beat, a three-note melody above, transposed per piece.</summary>
    public static int[] Riff(int transpose, int bars)
    {
        var events = new List<NoteEvent>();
        for (int bar = 0; bar < bars; bar++)
        {
            long t = bar * 48L;
            events.Add(new NoteEvent(t, 12, 4, 36 + transpose));
            int[] melody = [60, 64, 67];
            for (int i = 0; i < melody.Length; i++) events.Add(new NoteEvent(t + 12 * i, 6, 0, melody[i] + transpose));
        }
        events.Sort((a, b) => a.OnsetStep != b.OnsetStep ? a.OnsetStep.CompareTo(b.OnsetStep) : a.Family.CompareTo(b.Family));
        return NoteVocabulary.Encode(events);
    }

    public static PriorCorpus Corpus() => new([Riff(0, 12), Riff(2, 12), Riff(-3, 12)], [Riff(5, 6)], "fixture", "test");
}
