using System.CommandLine;
using System.Diagnostics;
using GenWorld.Content.Datasets;
using GenWorld.Content.Import;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld field map DIR|DATASET --model M --out FIELD</c>: the one verb from a folder of your own sounds to a
/// walkable field. A folder that is not a dataset yet is imported first (the same importer as `dataset import`, into
/// the data root, the folder itself read only); then every clip is encoded into a field folder (`field encode --out`).
/// </summary>
internal static class FieldMapCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A folder of sounds (WAV, OGG, MP3, FLAC; subfolders become categories), or a dataset folder or imported dataset name." };
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder whose encoder places the sounds.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("models", "sfx-vae")) }.ExistingFolder();
        var output = new Option<string?>("--out") { Description = "Field folder to write (default: fields/NAME-MODEL); walk it with `genworld explore|render|demo --model FIELD`." };
        var name = new Option<string?>("--name") { Description = "Dataset name for an imported folder (default: the folder's name)." };
        var licence = new Option<string>("--licence") { Description = "SPDX licence of the sounds of an imported folder.", DefaultValueFactory = _ => "LicenseRef-unspecified" };
        var dataRoot = new Option<string?>("--data-root") { Description = $"Data root the import goes under (default: ${DataRootSetting.Variable}, else ./{DataRootSetting.Default})." };
        var command = new Command("map", "A folder of your own sounds as a walkable field: import it (if it is not a dataset yet), then encode it into a field folder.")
        {
            source, model, output, name, licence, dataRoot,
        };
        command.SetAction(async (parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            string given = parse.GetValue(source)!;
            DirectoryInfo modelDir = parse.GetValue(model)!;
            string datasetDir = DataRootSetting.LocateDataset(given, parse.GetValue(dataRoot));
            if (!Directory.Exists(datasetDir))
            {
                Console.Error.WriteLine($"field map: {given}: no such folder or imported dataset.");
                return 2;
            }
            double importSeconds = 0;
            if (!File.Exists(Path.Combine(datasetDir, DatasetInfo.FileName)))
            {
                var settings = new ImportSettings
                {
                    SourceDirectory = datasetDir, Name = parse.GetValue(name) ?? ImportSettings.NameFrom(datasetDir), Licence = parse.GetValue(licence)!,
                    Kind = ImportKind.Sounds, // a field is a map of sounds: images beside them are left out, not imported instead
                };
                var options = new DatasetBuildOptions
                {
                    OutputDirectory = DataRootSetting.ImportedDataset(DataRootSetting.Resolve(parse.GetValue(dataRoot)), settings.Name),
                    // At the model's rate, so the encoder reads the clips as it was trained to and the originals play unresampled.
                    SampleRate = ModelRate(modelDir) ?? DatasetBuildOptions.FullBandRate,
                    Command = "genworld " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                };
                try
                {
                    settings.Validate();
                    options.Validate();
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine($"field map: {e.Message.Split(" (Parameter")[0]}");
                    return 2;
                }
                int imported = await DatasetImportCommand.RunAsync(settings, options, ct);
                if (imported != 0) return imported;
                datasetDir = options.OutputDirectory;
                importSeconds = clock.Elapsed.TotalSeconds;
            }
            string outDir = FieldEncodeCommand.FieldOut(parse.GetValue(output), datasetDir, modelDir);
            if (FieldEncodeCommand.OutProblem(outDir) is { } problem)
            {
                Console.Error.WriteLine($"field map: {problem} Choose another --out.");
                return 2;
            }
            int encoded;
            try { encoded = FieldEncodeCommand.Run(modelDir, datasetDir, null, outDir); }
            catch (DatasetException e)
            {
                Console.Error.WriteLine($"field map: {given}: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or Inference.Models.InvalidModelFolderException or Inference.InvalidModelException)
            {
                Console.Error.WriteLine($"field map: {e.Message}");
                return 1;
            }
            if (encoded == 0)
                Console.WriteLine($"Field map took {clock.Elapsed.TotalSeconds:F1} s (import {importSeconds:F1} s, encode {clock.Elapsed.TotalSeconds - importSeconds:F1} s).");
            return encoded;
        });
        return command;
    }

    private static int? ModelRate(DirectoryInfo modelDir)
    {
        string manifest = Path.Combine(modelDir.FullName, Core.Models.ModelManifest.FileName);
        return File.Exists(manifest) ? Core.Models.ModelManifest.Load(manifest).SampleRate : null;
    }
}
