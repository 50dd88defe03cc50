using System.Globalization;
using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Sfx;

/// <summary>Short game sound effects from five Debian packages, one work unit per source file.</summary>
public sealed class SfxSource : IDatasetSource
{
    /// <inheritdoc />
    public string Kind => "sfx";

    /// <inheritdoc />
    public string PrimaryLabel => "category";

    /// <inheritdoc />
    public IReadOnlyList<PackageRequirement> Packages { get; } =
        [.. SfxCatalog.Packages.Select(p => new PackageRequirement(p.Package, false))];

    /// <summary>Longest clip in seconds for a size (fixtures are kept short to stay small in the repository).</summary>
    public static double MaxSeconds(DatasetSize size) => size == DatasetSize.Fixture ? 1.0 : 2.0;

    private static int MaxSegments(DatasetSize size) => size == DatasetSize.Full ? 3 : 1;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) => new Dictionary<string, string>
    {
        ["size"] = options.Size.ToString().ToLowerInvariant(),
        ["rate"] = options.SampleRate.ToString(CultureInfo.InvariantCulture),
        ["maxSeconds"] = MaxSeconds(options.Size).ToString(CultureInfo.InvariantCulture),
        ["maxSegments"] = MaxSegments(options.Size).ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options) =>
        "Sound files (Ogg Vorbis, WAV; FLAC through ffmpeg) from the packages above, decoded in C# (NVorbis, WavFile), " +
        $"mixed to mono, resampled to {options.SampleRate} Hz (Kaiser-windowed-sinc polyphase resampling; each clip's source rate and 95 % rolloff recorded), DC removed, leading and trailing " +
        $"silence (−50 dB below peak) trimmed, cut to at most {MaxSeconds(options.Size)} s (a long recording gives up to " +
        $"{MaxSegments(options.Size)} consecutive windows, each within 30 dB of its peak), 30 ms fade-out where cut, peak-normalised " +
        "to −1 dBFS, written as 16-bit WAV. Categories come from the source folders and file names (UFO:AI folders under " +
        "sound/; Wesnoth ui/ambient/horn-signals folders and hit/die/magic names; Minetest footstep/dig/place/door names; " +
        "Sonic Pi sample prefixes; the freedesktop theme is ui). Licences per file are read from each package's DEP-5 " +
        "copyright file where it maps files, otherwise the package's overall terms are recorded.";

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        foreach (var (name, fallback) in SfxCatalog.Packages)
        {
            if (!packages.TryGetValue(name, out var package)) continue;
            var copyright = new CopyrightFile(package.CopyrightText);
            var files = SfxCatalog.Files(package).ToList();
            foreach (var file in Select(files, options.Size))
            {
                var licence = copyright.LicenceOf(file.LicencePath, fallback);
                var id = UnitIds.FromSource(file.Package, file.SourcePath);
                yield return new DatasetWorkUnit(id, (output, _) => Convert(output, file, id, licence, options), 1);
            }
        }
    }

    /// <summary>The files a size uses: all (full), every 6th (small), the first two of each category (fixture).</summary>
    private static IEnumerable<SfxFile> Select(List<SfxFile> files, DatasetSize size) => size switch
    {
        DatasetSize.Full => files,
        DatasetSize.Small => files.Where((_, i) => i % 6 == 0),
        _ => files.Where(f => f.Extension != ".flac").GroupBy(f => f.Category).SelectMany(g => g.Take(2)),
    };

    /// <summary>Decodes and clips one source file into <paramref name="output"/>; bad input is counted by reason, never thrown.</summary>
    public static void Convert(UnitOutput output, SfxFile file, string id, string licence, DatasetBuildOptions options)
    {
        AudioClip decoded;
        try { decoded = AudioDecoder.Decode(file.Read(), file.Extension, file.SourcePath); }
        catch (AudioDecodeException e)
        {
            output.Skip(e.Reason);
            return;
        }
        var clips = SfxClipper.Clips(decoded, options.SampleRate, MaxSeconds(options.Size), MaxSegments(options.Size), out var reason);
        if (reason is not null) output.Skip(reason);
        for (var s = 0; s < clips.Count; s++)
        {
            var itemId = clips.Count > 1 || s > 0 ? $"{id}-s{s}" : id;
            var path = $"clips/{itemId}.wav";
            WavFile.Write(output.PathFor(path), new AudioClip(clips[s], 1, options.SampleRate));
            var labels = new Dictionary<string, string> { ["category"] = file.Category };
            BandwidthLabels.Add(labels, clips[s], options.SampleRate, decoded.SampleRate);
            output.Add(new DatasetItem(itemId, path, "sfx", labels, "category", file.Package, licence, file.SourcePath)
            {
                DurationSeconds = Math.Round((double)clips[s].Length / options.SampleRate, 4),
                SampleRate = options.SampleRate,
            });
        }
    }
}
