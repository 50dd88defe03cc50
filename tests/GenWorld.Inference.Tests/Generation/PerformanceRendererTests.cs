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

    [Fact]
    public void A_dense_performance_has_no_clicks_above_its_model_band()
    {
        // Chords of four every 125 ms for 4 s, overlapping and releasing over each other: where the old soft clip and
        // linear release made broadband clicks. The mixing is the same for every model; rendered through the 16 kHz
        // notes-vae-16k, whose notes stop at 8 kHz, anything the mix holds above 14 kHz was made by the mixing itself
        // (the tanh soft clip this replaced left 1.6e-3 there, the gain limiter 2.2e-5). The full-band notes-vae has
        // real content up there, which would hide a click from this measure.
        using ModelFolder bandLimited = ModelFolder.Open(RepoPaths.Model("notes-vae-16k"), new OrtSessionFactory(_ => { }));
        var renderer = new PerformanceRenderer(new SoundDecoder(bandLimited), _timbres);
        var notes = new List<NoteEvent>();
        for (int step = 0; step < 32; step++)
            foreach (int pitch in new[] { 48, 55, 60, 64 })
                notes.Add(new NoteEvent(step * 2, 3, (step % 3) + 1, pitch + (step % 5)));
        float[] mix = renderer.Render(notes, 4.0);
        float[] high = HighPass(mix, renderer.SampleRate, 14_000);
        double worst = high.Max(Math.Abs);
        Console.WriteLine($"dense performance: peak above 14 kHz {worst:E2} (mix peak {mix.Max(Math.Abs):F2})");
        Assert.True(worst < 2e-4, $"the mix holds transients above 14 kHz of {worst}");
    }

    /// <summary>Eighth-order Butterworth high-pass (four biquads): about 78 dB down at 8 kHz for a 14 kHz cut-off.</summary>
    private static float[] HighPass(float[] x, int rate, double cutoff)
    {
        float[] y = x;
        foreach (double q in new[] { 0.5098, 0.6013, 0.9000, 2.5629 })
        {
            double w = 2 * Math.PI * cutoff / rate, alpha = Math.Sin(w) / (2 * q), cos = Math.Cos(w), a0 = 1 + alpha;
            double b0 = (1 + cos) / 2 / a0, b1 = -(1 + cos) / a0, b2 = b0, a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
            var o = new float[y.Length];
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (int n = 0; n < y.Length; n++)
            {
                double v = (b0 * y[n]) + (b1 * x1) + (b2 * x2) - (a1 * y1) - (a2 * y2);
                (x2, x1, y2, y1) = (x1, y[n], y1, v);
                o[n] = (float)v;
            }
            y = o;
        }
        return y;
    }

    private static double Rms(float[] x, int from, int to) => Math.Sqrt(x[from..to].Average(v => (double)v * v));
}
