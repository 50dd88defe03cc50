using System.CommandLine;
using GenWorld.Content.Datasets;
using GenWorld.Content.Import;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld dataset import DIR [--kind sounds|textures] [--name N] [--licence SPDX] [--attribution TEXT]</c>: a folder of
/// your own sounds (an sfx dataset of one-shots) or images (a textures dataset of tiles) as a dataset.
/// </summary>
internal static class DatasetImportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder of sounds (WAV, OGG, MP3, FLAC) or images (PNG, JPEG, WebP, BMP, GIF, TGA, GIMP .pat); subfolders become the labels, optional labels.csv. Read only." };
        var kind = new Option<string?>("--kind") { Description = "sounds or textures. Default: by the folder's files (by extension): only audio → sounds, only images → textures, both → whichever has more files; the others are left out and named in the report." };
        var tiles = new Option<string>("--tiles") { Description = "Textures: tile sides in pixels, comma-separated (multiples of 16).", DefaultValueFactory = _ => "64,128" };
        var crops = new Option<int>("--crops-per-image") { Description = "Textures: seeded random crops per image and tile size, spread over the scales 1:1, 2:1, 4:1 that fit; images smaller than a tile give none of that size.", DefaultValueFactory = _ => new TileSettings().CropsPerImage }.Between(1, 1024);
        var name = new Option<string?>("--name") { Description = "Dataset name (default: the folder's name); the dataset goes to DATA_ROOT/imported/NAME." };
        var licence = new Option<string>("--licence") { Description = "SPDX licence of the sounds or images, recorded on every item (e.g. CC0-1.0, CC-BY-4.0).", DefaultValueFactory = _ => "LicenseRef-unspecified" };
        var attribution = new Option<string>("--attribution") { Description = "Author / source credit for the dataset's licence file and card.", DefaultValueFactory = _ => "" };
        var dataRoot = new Option<string?>("--data-root") { Description = $"Data root (default: ${DataRootSetting.Variable}, else ./{DataRootSetting.Default}); the service's --data takes the same folder." };
        var output = new Option<string?>("--out") { Description = "Output folder instead of DATA_ROOT/imported/NAME." };
        var rate = new Option<int>("--rate") { Description = "Sounds: dataset sample rate in Hz.", DefaultValueFactory = _ => DatasetBuildOptions.FullBandRate };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "Sounds: longest clip; longer recordings are cut into one-shots at onsets and silences.", DefaultValueFactory = _ => 2.048 };
        var maxClips = new Option<int>("--max-clips-per-file") { Description = "Sounds: most clips from one recording (spread over it).", DefaultValueFactory = _ => 64 };
        var jobs = new Option<int>("--jobs") { Description = "Files decoded at once (an image at the 50-megapixel limit takes about 450 MB while it is decoded).", DefaultValueFactory = _ => 2 };
        var command = new Command("import", "Import a folder of your own sounds (→ one-shot clips, an sfx dataset) or images (→ 64/128 px tiles, a textures dataset for train texture-gan) with the same format, card and checksum as built ones; every file's fate goes to import-report.json.")
        {
            dir, kind, name, licence, attribution, dataRoot, output, rate, maxSeconds, maxClips, tiles, crops, jobs,
        };
        command.SetAction(async (parse, ct) =>
        {
            string source = parse.GetValue(dir)!;
            string? kindName = parse.GetValue(kind);
            ImportKind? importKind = kindName is null ? null : ImportKinds.Parse(kindName);
            if (kindName is not null && importKind is null)
            {
                Console.Error.WriteLine($"dataset import: --kind: '{kindName}' is not one of sounds, textures");
                return 2;
            }
            IReadOnlyList<int> tileSizes;
            try { tileSizes = TileSettings.ParseSizes(parse.GetValue(tiles)!); }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"dataset import: {e.Message.Split(" (Parameter")[0]}");
                return 2;
            }
            var settings = new ImportSettings
            {
                Kind = importKind,
                Tiles = new TileSettings { Sizes = tileSizes, CropsPerImage = parse.GetValue(crops) },
                SourceDirectory = source,
                Name = parse.GetValue(name) ?? ImportSettings.NameFrom(source),
                Licence = parse.GetValue(licence)!,
                Attribution = parse.GetValue(attribution)!,
                Slicing = new SliceSettings { MaxSeconds = parse.GetValue(maxSeconds), MaxClipsPerFile = parse.GetValue(maxClips) },
            };
            var options = new DatasetBuildOptions
            {
                OutputDirectory = parse.GetValue(output) ?? DataRootSetting.ImportedDataset(DataRootSetting.Resolve(parse.GetValue(dataRoot)), settings.Name),
                SampleRate = parse.GetValue(rate),
                MaxParallelism = parse.GetValue(jobs),
                Command = "genworld " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            try
            {
                settings.Validate();
                options.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"dataset import: {e.Message.Split(" (Parameter")[0]}");
                return 2;
            }
            return await RunAsync(settings, options, ct);
        });
        return command;
    }

    /// <summary>Imports with a progress bar and prints the report; 0 when a dataset was published.</summary>
    internal static async Task<int> RunAsync(ImportSettings settings, DatasetBuildOptions options, CancellationToken ct)
    {
        ImportResult? result = null;
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"import {settings.Name}", maxValue: 1);
                    var progress = new Progress<BuildProgress>(p =>
                    {
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = p.Done;
                        task.Description = $"import {settings.Name}: {p.Stage}, {p.Items} items";
                    });
                    result = await FolderImporter.ImportAsync(settings, options, progress, ct);
                    task.Value = task.MaxValue;
                });
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"dataset import interrupted; run the same command again to resume from {options.OutputDirectory}.staging");
            return 130;
        }
        catch (InvalidDataException e) // a malformed labels.csv
        {
            Console.Error.WriteLine($"dataset import: {e.Message}");
            return 2;
        }
        var r = result!.Report;
        foreach (var line in r.Lines.Where(l => l.Outcome is "skipped" or "ignored" or "duplicate"))
            Console.WriteLine($"  {line.Outcome}: {line.File}: {line.Reason}");
        if (r.KindNote.Length > 0) Console.WriteLine($"Sounds and images in one folder: {r.KindNote}.");
        var textures = r.Kind == ImportKinds.Name(ImportKind.Textures);
        Console.WriteLine(textures
            ? $"{r.Files} images: {r.Imported} imported, {r.Skipped} skipped, {r.Ignored} other entries ignored; " +
              $"{r.Clips} tiles in {r.Seconds:0.0} s ({r.FilesPerSecond:0.#} images/s)."
            : $"{r.Files} audio files ({r.AudioSeconds:0.#} s of audio): {r.Imported} imported, {r.Skipped} skipped, {r.Ignored} other entries ignored; " +
              $"{r.Clips} clips in {r.Seconds:0.0} s ({r.FilesPerSecond:0.#} files/s, {r.AudioSecondsPerSecond:0} audio-s/s).");
        if (result.Dataset is not { } dataset)
        {
            Console.Error.WriteLine($"dataset import: nothing was imported: {result.Error}");
            return 1;
        }
        foreach (var (label, count) in dataset.Info.Counts) Console.WriteLine($"  {dataset.Info.PrimaryLabel} {label}: {count}");
        Console.WriteLine($"Published {dataset.Info.ItemCount} {(textures ? "tiles" : "clips")}, version {dataset.Info.Version}, to {dataset.Directory}; " +
                          $"report: {Path.Combine(dataset.Directory, ImportReportData.FileName)}");
        return 0;
    }
}
