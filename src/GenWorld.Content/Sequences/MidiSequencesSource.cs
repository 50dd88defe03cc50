using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Core.Sequences;

namespace GenWorld.Content.Sequences;

/// <summary>
/// Note sequences for the Transformer prior, from the MIDI music of two free games in Debian: OpenTTD's OpenMSX set
/// (GPL-2, 31 pieces in many styles) and Planet Blupi (GPL-3+, 10 longer pieces). One work unit per MIDI file; every
/// fifth file of each package (sorted by name) is held out as the test split, so no piece is in both splits.
/// </summary>
public sealed class MidiSequencesSource : IDatasetSource
{
    /// <summary>The packages and where their MIDI files lie.</summary>
    public static IReadOnlyList<(string Package, string Folder, string FallbackLicence)> Sources { get; } =
    [
        ("openttd-openmsx", "usr/share/games/openttd/baseset/openmsx", "GPL-2.0"),
        ("planetblupi-music-midi", "usr/share/planetblupi/music", "GPL-3+"),
    ];

    /// <inheritdoc />
    public string Kind => "sequences";

    /// <inheritdoc />
    public string PrimaryLabel => "split";

    /// <inheritdoc />
    public IReadOnlyList<PackageRequirement> Packages { get; } = [.. Sources.Select(s => new PackageRequirement(s.Package, true))];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) => new Dictionary<string, string>
    {
        ["stepSeconds"] = NoteVocabulary.StepSeconds.ToString("G6", CultureInfo.InvariantCulture),
        ["pitchRange"] = $"{NoteVocabulary.PitchMin}-{NoteVocabulary.PitchMax}",
    };

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options) =>
        "Standard MIDI Files from the packages above, parsed in C# (tempo map over all tracks, program per channel). " +
        "Drum-channel notes are dropped (the notes VAE has no drum kits); each note keeps its onset and length rounded to a " +
        $"1/24 s grid, its GM family (program / 8) and its pitch folded by octaves into {NoteVocabulary.PitchMin}–{NoteVocabulary.PitchMax}. " +
        "Each item is sequences/ID.json with [onsetStep, durationSteps, family, pitch] rows; every fifth file of each package " +
        "(by name) is the held-out test split.";

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        foreach ((string name, string folder, string fallback) in Sources)
        {
            if (!packages.TryGetValue(name, out DebianPackage? package)) continue;
            var copyright = new CopyrightFile(package.CopyrightText);
            string dir = package.PathOf(folder);
            string[] files = [.. Directory.EnumerateFiles(dir, "*.mid").Order(StringComparer.Ordinal)];
            if (options.Size == DatasetSize.Fixture) files = files[..Math.Min(3, files.Length)];
            for (int i = 0; i < files.Length; i++)
            {
                string file = files[i];
                string split = i % 5 == 2 ? "test" : "train";
                string inPackage = $"{folder}/{Path.GetFileName(file)}";
                string licence = copyright.LicenceOf(inPackage, fallback);
                string id = $"{name}-{Path.GetFileNameWithoutExtension(file)}";
                yield return new DatasetWorkUnit(id, (output, _) => Convert(output, file, id, split, name, inPackage, licence));
            }
        }
    }

    private void Convert(UnitOutput output, string file, string id, string split, string package, string inPackage, string licence)
    {
        IReadOnlyList<MidiNote> notes;
        try { notes = MidiReader.Read(File.ReadAllBytes(file), inPackage); }
        catch (MidiFileException e)
        {
            output.Skip($"unreadable MIDI ({e.Message})");
            return;
        }
        List<NoteEvent> events = NoteQuantiser.Quantise(notes);
        if (events.Count < 16)
        {
            output.Skip("fewer than 16 pitched notes");
            return;
        }
        string relative = $"sequences/{id}.json";
        NoteSequenceFile.From(id, split, $"{package}:{inPackage}", licence, events).Save(output.PathFor(relative));
        var labels = new Dictionary<string, string>
        {
            ["split"] = split,
            ["notes"] = events.Count.ToString(CultureInfo.InvariantCulture),
            ["seconds"] = events[^1].OnsetSeconds.ToString("F1", CultureInfo.InvariantCulture),
            ["families"] = string.Join(' ', events.Select(e => e.Family).Distinct().Order()),
        };
        output.Add(new DatasetItem(id, relative, Kind, labels, PrimaryLabel, package, licence, inPackage)
        {
            DurationSeconds = Math.Round(events[^1].OnsetSeconds + events[^1].DurationSeconds, 2),
        });
    }
}
