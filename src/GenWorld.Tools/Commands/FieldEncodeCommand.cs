using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.World.Anchors;
using GenWorld.World.Projection;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld field encode</c>: every clip of a built or imported dataset through the model's encoder (the mean),
/// written as anchors.json + anchors.bin into a field folder of its own (--out, with field.json naming the model), or
/// into the model folder with --into-model; the projection's trustworthiness at k=10 goes in the header.
/// </summary>
internal static class FieldEncodeCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder whose encoder places the clips.", Required = true }.ExistingFolder();
        var dataset = new Option<string>("--dataset") { Description = "Dataset folder (dataset.json + manifest.jsonl), or the name of an imported dataset under the data root.", Required = true };
        var label = new Option<string?>("--label") { Description = "Label key to colour by; default: the dataset's primary label." };
        var output = new Option<string?>("--out") { Description = "Field folder to write (default: fields/DATASET-MODEL); walk it with `genworld explore|render --model FIELD`." };
        var intoModel = new Option<bool>("--into-model") { Description = "Write the anchors into the model folder instead (how the shipped fields are made; replaces its anchors)." };
        var command = new Command("encode", "Encode every dataset clip with the model's encoder into a field folder (anchors.{json,bin} + field.json).") { model, dataset, label, output, intoModel };
        command.SetAction(parse =>
        {
            var modelDir = parse.GetValue(model)!;
            string datasetDir = GenWorld.Content.Import.DataRootSetting.LocateDataset(parse.GetValue(dataset)!);
            string? outDir = parse.GetValue(output);
            if (outDir is not null && parse.GetValue(intoModel))
            {
                Console.Error.WriteLine("field encode: give --out FIELD or --into-model, not both.");
                return 2;
            }
            outDir = parse.GetValue(intoModel) ? modelDir.FullName : FieldOut(outDir, datasetDir, modelDir);
            if (!parse.GetValue(intoModel) && OutProblem(outDir) is { } problem)
            {
                Console.Error.WriteLine($"field encode: {problem} Choose another --out, or say --into-model.");
                return 2;
            }
            try { return Run(modelDir, datasetDir, parse.GetValue(label), outDir); }
            catch (DatasetException e)
            {
                Console.Error.WriteLine($"field encode: --dataset: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidModelFolderException or InvalidModelException)
            {
                Console.Error.WriteLine($"field encode: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The field folder: --out as given, else fields/DATASET-MODEL.</summary>
    internal static string FieldOut(string? given, string datasetDir, DirectoryInfo modelDir) =>
        Path.GetFullPath(given ?? Path.Combine("fields", $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(datasetDir))}-{modelDir.Name}"));

    /// <summary>Why a field may not be written to <paramref name="outDir"/> (a model folder: its anchors would be replaced), or null.</summary>
    internal static string? OutProblem(string outDir) =>
        File.Exists(Path.Combine(outDir, Core.Models.ModelManifest.FileName)) ? $"--out {outDir} is a model folder; its anchors would be replaced." : null;

    /// <summary>Encodes every clip of the dataset and writes the anchors (and field.json unless into the model folder).</summary>
    internal static int Run(DirectoryInfo modelDir, string datasetDir, string? labelKey, string outDir)
    {
        Dataset data = Dataset.Open(datasetDir);
        string key = labelKey ?? data.Info.PrimaryLabel;
        var items = data.Items.Select(item => new EncodeItem(item.Id,
            item.Labels.TryGetValue(key, out string? v) ? v : throw new InvalidDataException($"item {item.Id} has no label '{key}' (it has {string.Join(", ", item.Labels.Keys)})."),
            item.Labels.TryGetValue("pitch", out string? p) && int.TryParse(p, CultureInfo.InvariantCulture, out int midi) ? midi : null,
            () => WavFile.Read(data.PathOf(item)))).ToArray();
        using ModelFolder folder = ModelFolder.Open(modelDir.FullName, new OrtSessionFactory(OrtConsoleLog.Line));
        var encoder = new AnchorEncoder(folder);
        var clock = Stopwatch.StartNew();
        int lastShown = 0;
        AnchorSet set = encoder.Encode(items, key, data.Info.Version, new Progress<int>(done =>
        {
            if (done - lastShown < 1000 && done != items.Length) return;
            lastShown = done;
            Console.Error.WriteLine($"encoded {done}/{items.Length} ({clock.Elapsed.TotalSeconds:F0} s)");
        }));
        double encodeSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        LatentProjection projection = LatentProjection.Build(set);
        // k = 10 neighbours, fewer for a small library (the measure needs 3k < 2n - 1); none for one or two sounds.
        int k = Math.Min(10, (2 * set.Count - 2) / 3);
        double trust = k >= 1 ? Trustworthiness.Compute(set.AllLatents, set.LatentSize, projection.Positions, k) : double.NaN;
        double random = k >= 1 ? Trustworthiness.RandomProjectionBaseline(set.AllLatents, set.LatentSize, k) : double.NaN;
        var metrics = new Dictionary<string, double>
        {
            ["pcaExplainedVariance3"] = Math.Round(projection.ExplainedVariance, 4),
            ["encodeSeconds"] = Math.Round(encodeSeconds, 1),
        };
        if (k >= 1)
        {
            metrics[$"trustworthiness{k}"] = Math.Round(trust, 4);
            metrics[$"trustworthiness{k}RandomProjection"] = Math.Round(random, 4);
        }
        set = new AnchorSet(set.Header with { Metrics = metrics }, set.Anchors, set.AllLatents.ToArray());
        Directory.CreateDirectory(outDir);
        AnchorFile.Save(outDir, set);
        // The originals are played at their anchors when the field is walked.
        if (outDir != modelDir.FullName) FieldFolder.Write(outDir, modelDir.FullName, data.Directory, data.Items.ToDictionary(i => i.Id, data.PathOf, StringComparer.Ordinal));
        long bytes = new FileInfo(Path.Combine(outDir, AnchorFile.DataName)).Length;
        Console.WriteLine($"{set.Count} anchors ({set.LatentSize}-d, {set.Header.LabelNames.Count} {key} labels) in {encodeSeconds:F0} s -> {Path.Combine(outDir, AnchorFile.DataName)} ({bytes / 1024} KB)");
        if (outDir != modelDir.FullName) Console.WriteLine($"Walk it: genworld explore --model {outDir}   (or: genworld render --model {outDir} --orbit)");
        Console.WriteLine((k >= 1 ? $"trustworthiness@{k}: PCA {trust:F4}, random 3D projection {random:F4}; " : "") +
                          $"PCA keeps {100 * projection.ExplainedVariance:F1}% of the variance ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }
}
