using GenWorld.Content.Notes;
using GenWorld.Core.Dsp;

namespace GenWorld.Content.Tests.Notes;

public sealed class SoundFontBandwidthTests
{
    private const string Font = "/usr/share/sounds/sf2/TimGM6mb.sf2";

    [Fact]
    public void Every_general_midi_program_resolves_to_samples()
    {
        Assert.True(File.Exists(Font), "TimGM6mb.sf2 is missing: install fluidsynth (it pulls timgm6mb-soundfont)");
        var font = SoundFontBandwidth.Read(Font);
        Assert.Equal(128, font.Programs.Count);
        Assert.All(Enumerable.Range(0, 128), p => Assert.NotNull(font.EffectiveRate(p, 60, 80)));
        Assert.Null(font.EffectiveRate(200, 60, 80));
    }

    [Fact]
    public void A_note_from_a_low_rate_sample_falls_off_at_its_edge_in_fluidsynths_render()
    {
        // The header arithmetic checked against the real renderer: a note played from a ~22 kHz sample falls off where its
        // effective rate says, far more steeply than a full-band note does there. (Far stronger transpositions, e.g. a bell sample played 47
        // semitones down, leave the interpolator's images above the edge: artefacts, not content.)
        var font = SoundFontBandwidth.Read(Font);
        var notes = Enumerable.Range(0, 128).Select(p => (Program: p, Rate: font.EffectiveRate(p, 60, 80)!.Value)).ToList();
        var limited = notes.Where(n => n.Rate is > 15000 and < 30000).MinBy(n => Math.Abs(n.Rate - 22050));
        // Bright, sustained GM leads and brass: the first of them whose samples reach past 20 kHz.
        var full = new[] { 80, 81, 61, 62, 56 }.Select(p => notes[p]).First(n => n.Rate >= 44100);
        double edge = limited.Rate / 2;
        double limitedDrop = Drop(limited.Program, edge), fullDrop = Drop(full.Program, edge);
        // Measured: 260× (24 dB) for the marimba from a 22 kHz sample, 40× (16 dB: its own roll-off) for the square lead.
        // Not a wall: fluidsynth's 4-point interpolation leaves images of the sample's content above its Nyquist.
        Assert.True(limitedDrop > 3 * fullDrop, $"program {limited.Program} ({limited.Rate:0} Hz) falls {limitedDrop:E2}× across {edge:0} Hz, program {full.Program} ({full.Rate:0} Hz) {fullDrop:E2}×");
    }

    [Fact]
    public void A_damaged_file_names_itself()
    {
        string path = Path.Combine(Path.GetTempPath(), $"genworld-{Guid.NewGuid():N}.sf2");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(Font).Take(5000)]);
        try { Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SoundFontBandwidth.Read(path)).Message); }
        finally { File.Delete(path); }
    }

    /// <summary>Energy in 0.6–0.9 × <paramref name="edge"/> over energy in 1.1–1.5 × edge, of MIDI 60 rendered by fluidsynth.</summary>
    private static double Drop(int program, double edge)
    {
        var timing = new SlotTiming();
        var rendered = FluidSynthRenderer.Render(Font, [new NoteSlot(program, 60, 80)], timing, 48000).Samples;
        double[][] frames = new Stft(2048, 512).Magnitudes(rendered.AsSpan(0, 48000));
        double Band(double lo, double hi)
        {
            double sum = 1e-30;
            foreach (double[] f in frames)
                for (int k = (int)(lo * 2048 / 48000); k < Math.Min(f.Length, (int)(hi * 2048 / 48000)); k++) sum += f[k] * f[k];
            return sum;
        }
        return Band(0.6 * edge, 0.9 * edge) / Band(1.1 * edge, 1.5 * edge);
    }
}
