using System.Globalization;
using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Notes;

/// <summary>
/// Audits a notes dataset: do its clips sound at their labelled pitch (YIN f0 vs MIDI pitch), on pitched families only.
/// The distance is <see cref="PitchCheck.Cents"/>, the same measure the pitch-accuracy figures use.
/// </summary>
public static class NotesPitchAudit
{
    private static readonly HashSet<string> Pitched = ["piano", "organ", "strings", "ensemble", "brass", "reed", "pipe", "synth-lead", "guitar", "bass"];

    /// <summary>Result: clips checked, within a semitone of the label, an octave off (common for estimators), and no f0 found.</summary>
    public sealed record Result(int Checked, int Match, int OctaveOff, int NoPitch);

    /// <summary>Checks every <paramref name="stride"/>-th pitched clip with MIDI pitch 36–96 (f0 estimation below 65 Hz is unreliable).</summary>
    public static Result Run(Dataset dataset, int stride = 10)
    {
        int n = 0, match = 0, octave = 0, none = 0;
        var items = dataset.Items.Where(i => Pitched.Contains(i.Labels.GetValueOrDefault("family", "")) &&
                                             int.Parse(i.Labels["pitch"], CultureInfo.InvariantCulture) >= 36).ToList();
        for (var k = 0; k < items.Count; k += stride)
        {
            var item = items[k];
            var clip = WavFile.Read(dataset.PathOf(item));
            var f0 = PitchEstimator.Yin(clip.Samples, clip.SampleRate, 50, 2000, 0.15);
            n++;
            if (f0 is null) { none++; continue; }
            var semis = PitchCheck.Cents(f0.Value, int.Parse(item.Labels["pitch"], CultureInfo.InvariantCulture)) / 100;
            if (Math.Abs(semis) < 1) match++;
            else if (Math.Abs(Math.Abs(semis) - 12) < 1 || Math.Abs(Math.Abs(semis) - 24) < 1) octave++;
        }
        return new Result(n, match, octave, none);
    }
}
