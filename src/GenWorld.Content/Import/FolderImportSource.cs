using System.Globalization;
using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Import;

/// <summary>
/// A folder of the user's own sounds as a dataset source: one work unit per audio file (WAV, Ogg Vorbis, MP3, FLAC),
/// each decoded, mixed to mono, resampled with the windowed-sinc resampler, cut into one-shots and labelled by its
/// subfolder. The builder gives it staging, resuming, the manifest, card and checksum like every built dataset. A file
/// that cannot be used is a report line, never an error: the import of a library with a few bad files still finishes.
/// </summary>
public sealed class FolderImportSource(ImportSettings settings, ImportLog log) : IDatasetSource
{
    // The folder's files of this kind; the others are report lines and card skips.
    private readonly ImportFolderWalk _walk = new(log);

    /// <summary>Imported sounds are sound-effect datasets: every verb that takes a built sfx dataset takes them.</summary>
    public string Kind => "sfx";

    /// <inheritdoc />
    public string PrimaryLabel => FolderLabels.Category;

    /// <summary>The import folder stands in for a package (see <see cref="ImportedFolderPackages"/>).</summary>
    public IReadOnlyList<PackageRequirement> Packages { get; } = [new PackageRequirement(settings.Name, true)];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) => new Dictionary<string, string>
    {
        ["source"] = Path.GetFullPath(settings.SourceDirectory),
        ["name"] = settings.Name,
        ["licence"] = settings.Licence,
        ["rate"] = options.SampleRate.ToString(CultureInfo.InvariantCulture),
        ["maxSeconds"] = settings.Slicing.MaxSeconds.ToString(CultureInfo.InvariantCulture),
        ["maxClipsPerFile"] = settings.Slicing.MaxClipsPerFile.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options) =>
        $"Imported from the folder {Path.GetFullPath(settings.SourceDirectory)} with `dataset import` (the originals are read, never changed). " +
        "Every WAV (8/16/24/32-bit integer, 32/64-bit float, extensible), Ogg Vorbis (NVorbis), MP3 (NLayer) and FLAC (ffmpeg) file " +
        $"was decoded, mixed to mono, resampled to {options.SampleRate} Hz (Kaiser-windowed-sinc polyphase resampling), DC removed and " +
        $"cut into one-shots of at most {settings.Slicing.MaxSeconds} s: sounding regions found with an envelope follower " +
        "(−40 dB below the file's peak), long regions cut at spectral-flux onsets (or into windows where there are none), " +
        $"at most {settings.Slicing.MaxClipsPerFile} clips per file, silence trimmed, 30 ms fade-out where cut, peak-normalised to " +
        "−1 dBFS, written as 16-bit WAV. Labels: `category` is the first subfolder, `folder` the whole subfolder path, and " +
        "labels.csv rows add or override labels. Clips that sound the same as an earlier one (mean log-mel spectrum and level " +
        $"envelope within {NearDuplicates.ThresholdDb} dB) were dropped. Every file's fate is in import-report.json.";

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        var labels = FolderLabels.Load(settings.SourceDirectory);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in _walk.Files(settings.SourceDirectory, ImportKind.Sounds))
        {
            var id = ImportIds.Unique(settings.Name, file.RelativePath, ids);
            var fileLabels = labels.For(file.RelativePath);
            yield return new DatasetWorkUnit(id, (output, _) => Import(output, file, id, fileLabels, options.SampleRate), 1);
        }
    }

    /// <summary>Drops clips that repeat an earlier clip, and counts the entries the walk left out.</summary>
    public IReadOnlyList<DatasetItem> Review(IReadOnlyList<DatasetItem> items, string staging, BuildReport report)
    {
        _walk.CountSkips(report);
        var prints = new NearDuplicates.Fingerprint[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var clip = WavFile.Read(Path.Combine(staging, items[i].File));
            prints[i] = NearDuplicates.Of(clip.Samples, clip.SampleRate);
        });
        var duplicateOf = NearDuplicates.Duplicates(prints);
        var kept = new List<DatasetItem>();
        for (var i = 0; i < items.Count; i++)
        {
            if (duplicateOf[i] < 0) { kept.Add(items[i]); continue; }
            report.Skip("near-duplicate");
            log.Duplicate(items[i].SourcePath, items[duplicateOf[i]].SourcePath);
        }
        return kept;
    }

    private void Import(UnitOutput output, FoundFile file, string id, Dictionary<string, string> labels, int rate)
    {
        AudioClip decoded;
        try { decoded = Decode(file); }
        catch (AudioDecodeException e)
        {
            output.Skip(e.Reason);
            // The decoders name the file first; the report line already does.
            var reason = e.Message.StartsWith(file.RelativePath + ": ", StringComparison.Ordinal) ? e.Message[(file.RelativePath.Length + 2)..] : e.Message;
            log.Add(new ImportReportLine(file.RelativePath, "skipped", reason, 0, 0));
            return;
        }
        var mono = AudioDsp.Resample(decoded.ToMono().Samples, decoded.SampleRate, rate);
        AudioDsp.RemoveDc(mono);
        var shots = OneShotSlicer.Slice(mono, rate, settings.Slicing, out var skipReason, out var dropped);
        var seconds = Math.Round(decoded.Seconds, 3);
        if (shots.Count == 0)
        {
            output.Skip(skipReason ?? "no clips");
            log.Add(new ImportReportLine(file.RelativePath, "skipped", skipReason ?? "no clips", 0, seconds));
            return;
        }
        for (var s = 0; s < shots.Count; s++)
        {
            var itemId = shots.Count > 1 ? $"{id}-s{s:D2}" : id;
            var path = $"clips/{itemId}.wav";
            WavFile.Write(output.PathFor(path), new AudioClip(shots[s].Samples, 1, rate));
            var itemLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            if (shots.Count > 1) itemLabels["offsetSeconds"] = shots[s].StartSeconds.ToString(CultureInfo.InvariantCulture);
            BandwidthLabels.Add(itemLabels, shots[s].Samples, rate, decoded.SampleRate);
            output.Add(new DatasetItem(itemId, path, Kind, itemLabels, PrimaryLabel, settings.Name, settings.Licence, file.RelativePath)
            {
                DurationSeconds = Math.Round((double)shots[s].Samples.Length / rate, 4),
                SampleRate = rate,
            });
        }
        var note = dropped > 0 ? $"{shots.Count + dropped} one-shots found, {shots.Count} kept (evenly spread; --max-clips-per-file)" : "";
        log.Add(new ImportReportLine(file.RelativePath, "imported", note, shots.Count, seconds));
    }

    /// <summary>Decodes a file; anything that goes wrong (unreadable, too large, a decoder's own bug) is a decode failure.</summary>
    private AudioClip Decode(FoundFile file)
    {
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length == 0) throw new AudioDecodeException("empty file", $"{file.RelativePath}: the file is empty (0 bytes)");
            if (length > settings.MaxFileBytes)
                throw new AudioDecodeException("too large", $"{file.RelativePath}: {length / (1 << 20)} MiB is over the {settings.MaxFileBytes / (1 << 20)} MiB limit");
            return AudioDecoder.Decode(File.ReadAllBytes(file.FullPath), Path.GetExtension(file.FullPath), file.RelativePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioDecodeException("unreadable", $"{file.RelativePath}: could not be read ({e.Message})", e);
        }
        catch (Exception e) when (e is not AudioDecodeException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new AudioDecodeException("undecodable", $"{file.RelativePath}: the decoder failed ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
