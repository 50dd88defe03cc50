using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Notes rendered through the shipped notes VAE with the shipped prior's timbre table.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class PerformanceRendererTests : IDisposable
{
    private readonly ModelFolder _vae = ModelFolder.Open(RepoPaths.Model("notes-vae"), new OrtSessionFactory(_ => { }));
    private readonly TimbreTable _timbres = TimbreTable.Load(Path.Combine(RepoPaths.Model("notes-prior"), TimbreTable.FileName));

    public void Dispose() => _vae.Dispose();

    [Fact]
    public void Notes_sound_at_their_onsets_and_silence_stays_silent()
    {
        var renderer = new PerformanceRenderer(new SoundDecoder(_vae), _timbres);
        // Piano C4 at 0 s for 0.25 s, bass G2 at 1.5 s; nothing between 0.5 s and 1.5 s.
        NoteEvent[] notes = [new(0, 6, 0, 60), new(36, 6, 4, 43), new(36, 6, 4, 43)];

        float[] mix = renderer.Render(notes, 2.0);

        int rate = renderer.SampleRate;
        Assert.Equal(2 * rate, mix.Length);
        Assert.Equal(2, renderer.DecodedSounds); // the repeated bass note is decoded and mixed once
        Assert.True(Rms(mix, 0, rate / 4) > 0.02, "the first note is missing");
        Assert.True(Rms(mix, rate / 2, rate) < 1e-4, "sound where no note plays");
        Assert.True(Rms(mix, 3 * rate / 2, 7 * rate / 4) > 0.02, "the second note is missing");
        Assert.Equal(0.89f, mix.Max(Math.Abs), 3);
    }

    [Fact]
    public void Every_family_has_a_latent_for_every_pitch()
    {
        for (int family = 0; family < NoteVocabulary.Families; family++)
            for (int pitch = NoteVocabulary.PitchMin; pitch <= NoteVocabulary.PitchMax; pitch++)
            {
                TimbreEntry row = _timbres.For(family, pitch);
                Assert.Equal(family, row.Family);
                Assert.True(Math.Abs(row.Pitch - pitch) <= 12, $"family {family} pitch {pitch} uses a note at {row.Pitch}");
                Assert.Equal(16, row.Latent.Length);
            }
    }

    private static double Rms(float[] x, int from, int to) => Math.Sqrt(x[from..to].Average(v => (double)v * v));
}
