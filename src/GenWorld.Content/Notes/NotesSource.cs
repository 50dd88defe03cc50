using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Core.Audio;
using GenWorld.Core.Sequences;

namespace GenWorld.Content.Notes;

/// <summary>NSynth-style notes: GM SoundFonts rendered by fluidsynth, one render per (font, chunk of programs), split in C#.</summary>
public sealed class NotesSource : IDatasetSource
{
    private static readonly SlotTiming Timing = new();

    // One parse per font file per build: its header chunks are read once, however many chunks render from it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SoundFontBandwidth>> _bandwidths = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Kind => "notes";

    /// <inheritdoc />
    public string PrimaryLabel => "family";

    /// <inheritdoc />
    public IReadOnlyList<PackageRequirement> Packages { get; } =
        [new(SoundFontInfo.FluidR3.Package, true), new(SoundFontInfo.TimGm6mb.Package, false)];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) => new Dictionary<string, string>
    {
        ["size"] = options.Size.ToString().ToLowerInvariant(),
        ["rate"] = options.SampleRate.ToString(CultureInfo.InvariantCulture),
        ["slotSeconds"] = Timing.SlotSeconds.ToString(CultureInfo.InvariantCulture),
        ["holdSeconds"] = Timing.HoldSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options)
    {
        var plan = NotesPlan.For(options.Size);
        return $"General MIDI SoundFonts ({string.Join(", ", plan.Fonts.Select(f => f.Key))}) rendered offline by fluidsynth " +
               $"(`fluidsynth -ni -R 0 -C 0 -r {options.SampleRate} -O float -F out.wav FONT notes.mid`, reverb and chorus off, 32-bit float). " +
               $"A MIDI file written in C# plays {plan.ProgramsPerRender} programs × {plan.Pitches.Count} pitches in fixed " +
               $"{Timing.SlotSeconds} s slots (program change, note on, note off after {Timing.HoldSeconds} s, All Sound Off), " +
               $"rendered once per chunk and split by slot. Slots with peak below {NoteSplitter.SilentPeakDb} dBFS (pitch outside the " +
               $"instrument's range) are dropped. Clips start at note on, keep the release, are trimmed of trailing silence " +
               $"and held to 1–{plan.MaxSeconds} s; mono, {options.SampleRate} Hz, 24-bit WAV (16 bits would leave a quantisation hiss only ~44 dB under the softest notes), levels as rendered (not normalised, " +
               $"so velocity is audible). Velocities cycle {string.Join("/", NotesPlan.Velocities)}. Programs: " +
               $"{plan.Programs.Count}, pitches {plan.Pitches.Min()}–{plan.Pitches.Max()}. Each note's source rate is read from " +
               $"the font (the rate of the samples that sound for its program, key and velocity, moved by the transposition " +
               $"they are played at), label sourceRate; notes below {BandwidthLabels.FullBandSourceRate} Hz (80 % of the full build) lack the top of the band but are kept " +
               $"(not labelled band=limited): they are most of what General MIDI fonts hold.";
    }

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        var plan = NotesPlan.For(options.Size);
        foreach (var font in plan.Fonts)
        {
            if (!packages.TryGetValue(font.Package, out var package)) continue;
            var licence = new CopyrightFile(package.CopyrightText).LicenceOf(font.PathInPackage, font.FallbackLicence);
            foreach (var chunk in plan.Programs.Chunk(plan.ProgramsPerRender))
            {
                var slots = chunk.SelectMany(p => plan.Pitches.Select(m => new NoteSlot(p, m, NotesPlan.VelocityOf(p, m)))).ToList();
                yield return new DatasetWorkUnit($"{font.Key}-p{chunk[0]:000}-p{chunk[^1]:000}",
                    (output, ct) => RenderChunk(output, package, font, licence, slots, options.SampleRate, plan.MaxSeconds, ct),
                    slots.Count);
            }
        }
    }

    private void RenderChunk(UnitOutput output, DebianPackage package, SoundFontInfo font, string licence,
        List<NoteSlot> slots, int rate, double maxSeconds, CancellationToken ct)
    {
        string fontPath = package.PathOf(font.PathInPackage);
        var rendered = FluidSynthRenderer.Render(fontPath, slots, Timing, rate, ct).Samples;
        SoundFontBandwidth bandwidth = _bandwidths.GetOrAdd(fontPath, path => new Lazy<SoundFontBandwidth>(() => SoundFontBandwidth.Read(path))).Value;
        for (var i = 0; i < slots.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var s = slots[i];
            var clip = NoteSplitter.Slot(rendered, rate, i, Timing, 1.0, maxSeconds);
            if (clip is null)
            {
                output.Skip("near-silent (pitch outside instrument range)");
                continue;
            }
            var id = $"{font.Key}-p{s.Program:000}-m{s.Pitch:000}-v{s.Velocity:000}";
            var file = $"clips/{id}.wav";
            // 24-bit: the levels stay as rendered (soft notes sit near −57 dBFS), so 16 bits would add a floor ~44 dB under them.
            WavFile.Write(output.PathFor(file), new AudioClip(clip, 1, rate), bits: 24);
            var labels = new Dictionary<string, string>
            {
                ["program"] = s.Program.ToString(CultureInfo.InvariantCulture),
                ["family"] = GeneralMidi.Family(s.Program),
                ["pitch"] = s.Pitch.ToString(CultureInfo.InvariantCulture),
                ["velocity"] = s.Velocity.ToString(CultureInfo.InvariantCulture),
                ["font"] = font.Key,
            };
            // A note played from a sample recorded at 22-32 kHz, or transposed down, cannot reach 20 kHz. Measured and
            // recorded, but not marked band=limited: that is three notes in four (all of FluidR3's piano, 32 kHz), and
            // leaving them out would leave whole families without a note.
            if (bandwidth.EffectiveRate(s.Program, s.Pitch, s.Velocity) is double sourceRate)
                BandwidthLabels.Add(labels, clip, rate, (int)Math.Round(sourceRate), markBand: false);
            output.Add(new DatasetItem(id, file, Kind, labels, PrimaryLabel, package.Name, licence, font.PathInPackage)
            {
                DurationSeconds = Math.Round((double)clip.Length / rate, 4),
                SampleRate = rate,
            });
        }
    }
}
