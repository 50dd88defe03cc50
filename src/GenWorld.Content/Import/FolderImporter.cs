using System.Diagnostics;
using GenWorld.Content.Datasets;

namespace GenWorld.Content.Import;

/// <summary>What an import produced: the dataset (null when no file gave a clip) and the report.</summary>
/// <param name="Dataset">The published dataset, opened and checked; null when nothing could be imported.</param>
/// <param name="Report">Every file's outcome and the totals.</param>
/// <param name="Error">Why nothing was published (empty when <paramref name="Dataset"/> is set).</param>
public sealed record ImportResult(Dataset? Dataset, ImportReportData Report, string Error);

/// <summary>
/// `dataset import` as one call: chooses sounds or textures (<see cref="ImportKinds.Choose"/>), runs
/// <see cref="FolderImportSource"/> or <see cref="ImageFolderImportSource"/> through the <see cref="DatasetBuilder"/>
/// (staging, resume, manifest, card, checksum, atomic publish) and writes <c>import-report.json</c> into the dataset folder.
/// </summary>
public static class FolderImporter
{
    /// <summary>Imports <paramref name="settings"/> into <paramref name="options"/>.OutputDirectory. Bad files never throw; bad settings do (<see cref="ArgumentException"/>).</summary>
    public static async Task<ImportResult> ImportAsync(ImportSettings settings, DatasetBuildOptions options,
        IProgress<BuildProgress>? progress = null, CancellationToken ct = default)
    {
        settings.Validate();
        options.Validate();
        var clock = Stopwatch.StartNew();
        // A walk of its own (cheap next to decoding) so the choice is made before the builder's staging depends on it.
        var choice = ImportKinds.Choose(ImportFileWalker.Walk(settings.SourceDirectory, (_, _) => { }), settings.Kind);
        var textures = choice.Kind == ImportKind.Textures;
        var log = textures ? new ImportLog("has the same bytes as") : new ImportLog();
        IDatasetSource source = textures ? new ImageFolderImportSource(settings, log) : new FolderImportSource(settings, log);
        var builder = new DatasetBuilder(new ImportedFolderPackages(settings));
        Dataset? dataset = null;
        var error = "";
        try { dataset = await builder.BuildAsync(source, options, progress, ct); }
        catch (DatasetBuildException e) { error = e.Message; }
        var lines = log.Lines;
        var files = lines.Count(l => l.Outcome != "ignored");
        double seconds = clock.Elapsed.TotalSeconds, audio = lines.Sum(l => l.Seconds);
        var report = new ImportReportData(Path.GetFullPath(settings.SourceDirectory), Path.GetFullPath(options.OutputDirectory),
            files, lines.Count(l => l.Outcome == "imported"), lines.Count(l => l.Outcome == "skipped"), lines.Count(l => l.Outcome == "ignored"), dataset?.Items.Count ?? 0,
            Math.Round(audio, 1), Math.Round(seconds, 2), Math.Round(files / Math.Max(seconds, 1e-3), 1),
            Math.Round(audio / Math.Max(seconds, 1e-3), 1), lines)
        {
            Kind = ImportKinds.Name(choice.Kind),
            KindNote = choice.Note,
        };
        if (dataset is not null) report.Write(dataset.Directory);
        return new ImportResult(dataset, report, error);
    }
}
