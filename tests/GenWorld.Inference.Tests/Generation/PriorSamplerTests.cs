using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using Xunit.Abstractions;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>The shipped models/notes-prior (trained on real MIDI) generating on ONNX Runtime, one thread.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class PriorSamplerTests(ITestOutputHelper output) : IDisposable
{
    private readonly ModelFolder _model = ModelFolder.Open(RepoPaths.Model("notes-prior"), new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: 1));

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Same_seed_same_notes_different_seed_different_notes()
    {
        var sampler = new PriorSampler(_model);
        var settings = new NoteTokenSampler(0.9, 0);

        NoteEvent[] a = Events(sampler.Start(3, settings), 24), b = Events(sampler.Start(3, settings), 24), c = Events(sampler.Start(4, settings), 24);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, e => Assert.InRange(e.Pitch, NoteVocabulary.PitchMin, NoteVocabulary.PitchMax));
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First.OnsetStep <= p.Second.OnsetStep), "onsets must not go back in time");
    }

    [Fact]
    public void Generated_music_is_more_likely_under_the_prior_than_random_notes()
    {
        // A trained prior should prefer its own sample over the same rhythm with random instruments and pitches.
        var sampler = new PriorSampler(_model);
        PriorStream stream = sampler.Start(11, new NoteTokenSampler(0.8, 0));
        NoteEvent[] notes = Events(stream, 30);
        var random = new Random(5);
        var shuffled = notes.Select(e => e with { Pitch = random.Next(NoteVocabulary.PitchMin, NoteVocabulary.PitchMax + 1), Family = random.Next(NoteVocabulary.Families) }).ToArray();

        double own = Nll(sampler, NoteVocabulary.Encode(notes)), scrambled = Nll(sampler, NoteVocabulary.Encode(shuffled));

        output.WriteLine($"NLL own sample {own:F3}, random notes {scrambled:F3} nats/token");
        Assert.True(own < 0.8 * scrambled, $"own {own:F3} vs scrambled {scrambled:F3}");
    }

    [Fact]
    public void A_folder_of_another_kind_is_refused()
    {
        using var vae = ModelFolder.Open(RepoPaths.Model("notes-vae"), new OrtSessionFactory(_ => { }));
        var e = Assert.Throws<ArgumentException>(() => new PriorSampler(vae));
        Assert.Contains("not a transformer prior", e.Message, StringComparison.Ordinal);
    }

    private static NoteEvent[] Events(PriorStream stream, int count) => [.. Enumerable.Range(0, count).Select(_ => stream.NextEvent())];

    private static double Nll(PriorSampler sampler, int[] tokens)
    {
        double nats = 0;
        int n = Math.Min(tokens.Length, sampler.Context);
        for (int i = 1; i < n; i++)
        {
            float[] logits = sampler.NextLogits(tokens.AsSpan(0, i));
            double max = logits.Max(), sum = logits.Sum(v => Math.Exp(v - max));
            nats -= logits[tokens[i]] - max - Math.Log(sum);
        }
        return nats / (n - 1);
    }
}
