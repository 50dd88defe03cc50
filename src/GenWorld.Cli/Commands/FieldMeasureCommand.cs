using System.CommandLine;
using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World.Anchors;
using GenWorld.World.Projection;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld field measure</c>: smoothness of the field (spectral change per unit along random straight walks, against
/// the nearest-anchor field with its jumps) and round-trip error, written to models/&lt;vae&gt;/field-report.json.
/// </summary>
internal static class FieldMeasureCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var walks = new Option<int>("--walks") { Description = "Random straight walks.", DefaultValueFactory = _ => 8 }.Between(1, 10000);
        var command = new Command("measure", "Measure the field's smoothness and projection round trip; writes field-report.json beside the anchors.") { model, walks };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(walks)));
        return command;
    }

    private static int Run(DirectoryInfo modelDir, int walks)
    {
        AnchorSet set = AnchorFile.Load(modelDir.FullName);
        using ModelFolder folder = ModelFolder.Open(modelDir.FullName, new OrtSessionFactory(OrtConsoleLog.Line));
        // Measured at the model's own rate (no resampling): the spectral distance then sees exactly what the decoder made.
        var decoder = new SoundDecoder(folder, new SoundFinishing(OutputRate: folder.Manifest.SampleRate ?? 16000), maxParallelism: 1);
        LatentProjection projection = LatentProjection.Build(set);
        int? pitch = folder.Manifest.Conditioning?.PitchMin is null ? null : 60;
        SmoothnessReport smooth = Smoothness.Measure(projection, decoder, pitch, walks);
        (double roundTrip, double anchorError, double pcaError) = RoundTrip(set, projection);
        var report = new
        {
            model = folder.Manifest.Name,
            anchors = set.Count,
            kernelRadius = projection.KernelRadius,
            worldUnitsPerLatentUnit = projection.Scale,
            set.Header.Metrics,
            smoothness = smooth,
            jumpRatio = smooth.JumpRatio,
            pitch,
            roundTripMaxPositionError = roundTrip,
            anchorLatentRmsError = anchorError,
            pcaOnlyLatentRmsError = pcaError,
        };
        string path = Path.Combine(modelDir.FullName, "field-report.json");
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(report, CliJson.Options));
        Console.WriteLine($"smoothness over {smooth.Steps} steps of {smooth.StepLength} units: mean {smooth.MeanPerUnit:F2}, p99 {smooth.P99PerUnit:F2}, max {smooth.MaxPerUnit:F2} per unit (max/mean {smooth.JumpRatio:F2}); nearest-anchor field: mean {smooth.NearestAnchorMeanPerUnit:F2}, max {smooth.NearestAnchorMaxPerUnit:F2}");
        Console.WriteLine($"round trip position error max {roundTrip:E2}; latent at anchors RMS error {anchorError:F3} (PCA alone {pcaError:F3}) -> {path}");
        return 0;
    }

    /// <summary>Forward(Inverse(p)) over random positions, and how close Inverse(anchor position) comes to the anchor's latent.</summary>
    private static (double RoundTrip, double AnchorRms, double PcaRms) RoundTrip(AnchorSet set, LatentProjection projection)
    {
        var random = new Random(3);
        double worst = 0, anchorSq = 0, pcaSq = 0;
        int count = Math.Min(set.Count, 2000);
        for (int s = 0; s < count; s++)
        {
            int i = (int)((long)s * set.Count / count);
            System.Numerics.Vector3 p = projection.Positions[i] + new System.Numerics.Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
            worst = Math.Max(worst, (projection.Forward(projection.Inverse(p)) - p).Length());
            float[] at = projection.Inverse(projection.Positions[i]);
            float[] plane = projection.PlaneLatent(projection.Positions[i]);
            ReadOnlySpan<float> truth = set.Latent(i);
            for (int c = 0; c < set.LatentSize; c++)
            {
                anchorSq += (at[c] - truth[c]) * (at[c] - truth[c]);
                pcaSq += (plane[c] - truth[c]) * (plane[c] - truth[c]);
            }
        }
        return (worst, Math.Sqrt(anchorSq / (count * set.LatentSize)), Math.Sqrt(pcaSq / (count * set.LatentSize)));
    }
}
