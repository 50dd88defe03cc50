using GenWorld.Content.Audio;
using GenWorld.Content.Notes;

namespace GenWorld.Content.Tests.Notes;

public sealed class MidiRenderTests
{
    // libfluidsynth3 depends on timgm6mb-soundfont or another GM font; default-GM.* is the alternatives link to whichever is installed.
    private static readonly string[] Fonts =
        ["/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/sounds/sf2/default-GM.sf2", "/usr/share/sounds/sf3/default-GM.sf3"];

    [Fact]
    public void MidiFileHasHeaderTrackAndEndOfTrack()
    {
        var bytes = NoteSequence.Build([new NoteSlot(0, 60, 100)], new SlotTiming()).ToBytes();
        Assert.Equal("MThd"u8.ToArray(), bytes[..4]);
        Assert.Equal("MTrk"u8.ToArray(), bytes[14..18]);
        var length = (bytes[18] << 24) | (bytes[19] << 16) | (bytes[20] << 8) | bytes[21];
        Assert.Equal(bytes.Length - 22, length);
        Assert.Equal(new byte[] { 0xFF, 0x2F, 0x00 }, bytes[^3..]);
        Assert.Contains(bytes.Skip(22).Select((b, i) => (b, i)), p => p.b == 0x90 && bytes[22 + p.i + 1] == 60 && bytes[22 + p.i + 2] == 100);
    }

    [Fact]
    public void FluidsynthRendersTheNotesAndTheSplitterFindsTheirPitches()
    {
        var font = Fonts.FirstOrDefault(File.Exists);
        Assert.True(font is not null, "no General MIDI SoundFont installed: install fluidsynth (it pulls timgm6mb-soundfont)");
        // Flute (GM 73): clearly periodic; YIN finds its fundamental even where the 2nd harmonic is stronger.
        int[] pitches = [57, 69, 81];
        var slots = pitches.Select(p => new NoteSlot(73, p, 100)).Append(new NoteSlot(73, 127, 100)).ToList();
        var timing = new SlotTiming();
        var rendered = FluidSynthRenderer.Render(font!, slots, timing, 16000);
        Assert.True(rendered.Seconds >= slots.Count * timing.SlotSeconds - 0.1, $"rendered only {rendered.Seconds} s");
        for (var i = 0; i < pitches.Length; i++)
        {
            var clip = NoteSplitter.Slot(rendered.Samples, 16000, i, timing, 1.0, 2.0);
            Assert.NotNull(clip);
            Assert.InRange(clip.Length, 16000, 32000);
            var expected = 440 * Math.Pow(2, (pitches[i] - 69) / 12.0);
            var found = PitchEstimator.Yin(clip, 16000) ?? 0;
            Assert.True(Math.Abs(found / expected - 1) < 0.03, $"pitch {pitches[i]}: expected {expected:0.0} Hz, found {found:0.0} Hz");
        }
    }

    [Fact]
    public void A_soft_note_is_rendered_finer_than_16_bits()
    {
        // A 16-bit render left a quantisation hiss ~44 dB under a soft note, flat to 24 kHz: most of the real notes'
        // energy above 8 kHz, which the full-band models learnt to imitate. The float render has no such grid.
        var font = Fonts.FirstOrDefault(File.Exists);
        Assert.True(font is not null, "no General MIDI SoundFont installed: install fluidsynth (it pulls timgm6mb-soundfont)");
        var timing = new SlotTiming();
        var rendered = FluidSynthRenderer.Render(font!, [new NoteSlot(0, 60, 50)], timing, 48000);
        // The render itself (the splitter's DC removal would move any grid).
        var sounding = rendered.Samples.Take(48000).Where(v => v != 0).ToArray();
        Assert.True(sounding.Length > 24000, $"only {sounding.Length} non-zero samples in the first second");
        // The mono mix halves the sum of two 16-bit channels, so a 16-bit render lies on a grid of 1/65536.
        var offGrid = sounding.Count(v => Math.Abs((v * 65536) - Math.Round(v * 65536)) > 1e-3);
        Assert.True(offGrid > sounding.Length * 0.9, $"{sounding.Length - offGrid} of {sounding.Length} samples lie on the 16-bit grid");
    }
}
