using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Prior;

/// <summary>
/// Builds a prior's timbres.json: for each GM family, one representative program (chosen by ear for a usable range;
/// the MIDI corpus only keeps families), every note of it in the notes dataset (one SoundFont) encoded by the notes VAE (resampled to its rate by the encoder).
/// </summary>
internal static class TimbreTableBuilder
{
    /// <summary>Family → program: grand piano, vibraphone, drawbar organ, nylon guitar, finger bass, violin, string ensemble,
    /// brass section, clarinet, flute, square lead, warm pad, crystal, sitar, steel drums, guitar fret noise.</summary>
    public static readonly int[] RepresentativePrograms = [0, 11, 16, 24, 33, 40, 48, 61, 71, 73, 80, 89, 98, 104, 114, 120];

    public static TimbreTable Build(string vaeFolder, string notesDataset, string font = "fluidr3")
    {
        using ModelFolder vae = ModelFolder.Open(vaeFolder, new OrtSessionFactory(OrtConsoleLog.Line));
        var encoder = new SoundEncoder(vae);
        Dataset notes = Dataset.Open(notesDataset);
        var entries = new List<TimbreEntry>();
        for (int family = 0; family < RepresentativePrograms.Length; family++)
        {
            string program = RepresentativePrograms[family].ToString(CultureInfo.InvariantCulture);
            var items = notes.Items.Where(i => i.Labels.GetValueOrDefault("program") == program && i.Labels.GetValueOrDefault("font") == font).ToList();
            if (items.Count == 0) throw new InvalidDataException($"{notesDataset}: no {font} notes of program {program} (family {family}).");
            foreach (DatasetItem item in items)
            {
                AudioClip clip = WavFile.Read(notes.PathOf(item)).ToMono();
                int pitch = int.Parse(item.Labels["pitch"], CultureInfo.InvariantCulture);
                entries.Add(new TimbreEntry(family, RepresentativePrograms[family], pitch, encoder.Encode(clip)));
            }
        }
        return new TimbreTable(vae.Manifest.Name, entries);
    }
}
