using System.Globalization;
using GenWorld.Content.Audio;
using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// A small samples/ folder for a model: spectrograms.png (EMA samples over a grid of labels × pitches) and up to six
/// WAVs (16-bit, one second each), chosen to stay well under 1 MB together.
/// </summary>
public static class SoundGanSamples
{
    private const ulong Seed = 7;
    private static readonly int[] SheetPitches = [48, 60, 72];
    private static readonly string[] PreferredLabels = ["piano", "strings", "brass", "organ", "guitar", "reed", "synth-lead", "bass"];

    /// <summary>Writes the sheet and WAVs into <paramref name="dir"/> (files atomically).</summary>
    public static void Write(SoundGenerator generator, SpectralRepresentation representation, string dir)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(representation);
        SoundGanConfig c = generator.Config;
        int[] pitches = c.PitchClasses == 0 ? [-1] : [.. SheetPitches.Where(p => p >= c.PitchMin && p < c.PitchMin + c.PitchClasses).DefaultIfEmpty(c.PitchMin)];
        int[] labels = c.LabelNames.Count == 0 ? [-1]
            : [.. PreferredLabels.Select(n => c.LabelNames.ToList().IndexOf(n)).Where(i => i >= 0).DefaultIfEmpty(0).Take(4)];
        var conditions = labels.SelectMany(l => pitches.Select(p => new SoundGanCondition(p < 0 ? null : p, l < 0 ? null : l))).ToList();
        Directory.CreateDirectory(dir);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var noise = new torch.Generator(Seed);
        Tensor input = cat([randn([conditions.Count, c.LatentSize], generator: noise), SoundGanCondition.OneHot(c, conditions)], 1);
        float[] flat = generator.forward(input).contiguous().data<float>().ToArray();
        int size = representation.Size, plane = representation.Frames * representation.Bins;
        var planes = new List<float[]>();
        for (int i = 0; i < conditions.Count; i++)
        {
            float[] rep = flat.AsSpan(i * size, size).ToArray();
            planes.Add(rep[..plane]);
            if (i >= 6) continue;
            float[] wave = representation.Inverse(rep);
            float peak = Math.Max(1e-6f, wave.Max(MathF.Abs));
            for (int k = 0; k < wave.Length; k++) wave[k] *= 0.89f / peak;
            WavFile.Write(Path.Combine(dir, FileName(c, conditions[i])), new AudioClip(wave, 1, representation.SampleRate));
        }
        SpectrogramSheet.Save(planes, representation.Frames, representation.Bins, pitches.Length, Path.Combine(dir, "spectrograms.png"));
    }

    private static string FileName(SoundGanConfig c, SoundGanCondition condition)
    {
        string label = condition.Label is int l ? c.LabelNames[l] : "sample";
        string pitch = condition.Pitch is int p ? "-midi" + p.ToString(CultureInfo.InvariantCulture) : "";
        return $"{label}{pitch}.wav";
    }
}
