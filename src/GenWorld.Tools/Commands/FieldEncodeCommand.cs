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
/// <c>genworld field encode</c>: every clip of a built dataset through the model's encoder (the mean), written as
/// anchors.json + anchors.bin in the model folder, with the projection's trustworthiness at k=10 in the header.
/// </summary>
internal static class FieldEncodeCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder (anchors are written into it).", Required = true }.ExistingFolder();
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Built audio dataset folder (dataset.json + manifest.jsonl).", Required = true }.ExistingFolder();
        var label = new Option<string?>("--label") { Description = "Label key to colour by; default: the dataset's primary label." };
        var command = new Command("encode", "Encode every dataset clip with the model's encoder into models/<vae>/anchors.{json,bin}.") { model, dataset, label };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(dataset)!, parse.GetValue(label)));
        return command;
    }

    private static int Run(DirectoryInfo modelDir, DirectoryInfo datasetDir, string? labelKey)
    {
        Dataset data = Dataset.Open(datasetDir.FullName);
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
        double trust = Trustworthiness.Compute(set.AllLatents, set.LatentSize, projection.Positions, 10);
        double random = Trustworthiness.RandomProjectionBaseline(set.AllLatents, set.LatentSize, 10);
        var metrics = new Dictionary<string, double>
        {
            ["trustworthiness10"] = Math.Round(trust, 4),
            ["trustworthiness10RandomProjection"] = Math.Round(random, 4),
            ["pcaExplainedVariance3"] = Math.Round(projection.ExplainedVariance, 4),
            ["encodeSeconds"] = Math.Round(encodeSeconds, 1),
        };
        set = new AnchorSet(set.Header with { Metrics = metrics }, set.Anchors, set.AllLatents.ToArray());
        AnchorFile.Save(modelDir.FullName, set);
        long bytes = new FileInfo(Path.Combine(modelDir.FullName, AnchorFile.DataName)).Length;
        Console.WriteLine($"{set.Count} anchors ({set.LatentSize}-d, {set.Header.LabelNames.Count} {key} labels) in {encodeSeconds:F0} s -> {Path.Combine(modelDir.FullName, AnchorFile.DataName)} ({bytes / 1024} KB)");
        Console.WriteLine($"trustworthiness@10: PCA {trust:F4}, random 3D projection {random:F4}; PCA keeps {100 * projection.ExplainedVariance:F1}% of the variance ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }
}
