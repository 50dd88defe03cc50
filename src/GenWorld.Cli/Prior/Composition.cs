using System.Diagnostics;
using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;

namespace GenWorld.Cli.Prior;

/// <summary>A generated performance: its notes, how many tokens it took and how fast they came.</summary>
internal sealed record Composition(IReadOnlyList<NoteEvent> Events, int Tokens, double SamplingSeconds)
{
    /// <summary>Tokens sampled per second of wall-clock time (ONNX Runtime, this thread).</summary>
    public double TokensPerSecond => Tokens / Math.Max(SamplingSeconds, 1e-9);

    /// <summary>Samples notes from the prior until one would start at or after <paramref name="seconds"/>.</summary>
    public static Composition Sample(PriorSampler sampler, double seconds, int seed, NoteTokenSampler settings)
    {
        PriorStream stream = sampler.Start(seed, settings);
        var events = new List<NoteEvent>();
        // A guard, not a limit music reaches: 30 s of dense piano is ~2,000 tokens.
        int maxTokens = (int)Math.Ceiling(seconds * 400) + 64;
        var clock = Stopwatch.StartNew();
        while (stream.Tokens.Count < maxTokens)
        {
            NoteEvent e = stream.NextEvent();
            if (e.OnsetSeconds >= seconds) break;
            events.Add(e);
        }
        return new Composition(events, stream.Tokens.Count - 1, clock.Elapsed.TotalSeconds);
    }
}
