using GenWorld.Core.Audio;

namespace GenWorld.Content.Notes;

/// <summary>
/// Renders a MIDI file offline with the fluidsynth binary (reverb and chorus off) and returns mono samples. It renders
/// 32-bit float: fluidsynth's default 16-bit file put its quantisation floor only ~44 dB under a soft note (RMS near
/// −57 dBFS at velocity 50), a white hiss up to 24 kHz that made most of the real notes' energy above 8 kHz and that
/// the full-band models learnt to imitate.
/// </summary>
public static class FluidSynthRenderer
{
    /// <summary>Renders <paramref name="slots"/> with <paramref name="soundFont"/> at <paramref name="rate"/> Hz; returns mono audio.</summary>
    public static AudioClip Render(string soundFont, IReadOnlyList<NoteSlot> slots, SlotTiming timing, int rate, CancellationToken ct = default)
    {
        if (!File.Exists(soundFont)) throw new FileNotFoundException($"SoundFont {soundFont} not found", soundFont);
        var work = Path.Combine(Path.GetTempPath(), $"genworld-render-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var mid = Path.Combine(work, "notes.mid");
            var wav = Path.Combine(work, "notes.wav");
            NoteSequence.Build(slots, timing).Write(mid);
            var r = ProcessRunner.Run("fluidsynth",
                ["-ni", "-R", "0", "-C", "0", "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-O", "float", "-F", wav, soundFont, mid],
                work, TimeSpan.FromMinutes(20), ct);
            if (r.ExitCode != 0 || !File.Exists(wav))
                throw new InvalidOperationException($"fluidsynth failed (exit {r.ExitCode}): {r.StdErr.Trim()}");
            var clip = WavFile.Read(wav);
            if (clip.SampleRate != rate)
                throw new InvalidOperationException($"fluidsynth wrote {clip.SampleRate} Hz, asked for {rate} Hz");
            return clip.ToMono();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
