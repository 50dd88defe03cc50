using GenWorld.Core.Imaging;
using GenWorld.Inference.Evaluation;
using GenWorld.Training.Textures;
using TextureGenerator = GenWorld.Inference.Generation.TextureGenerator;
using static TorchSharp.torch;

namespace GenWorld.Cli.Commands;

/// <summary>
/// Variety of a texture GAN measured through ONNX Runtime against real crops: the spread across tiles of the per-tile mean
/// colour, the detail inside tiles, and NDB/K over per-tile colour histograms. Real crops come from two halves of the
/// images (even and odd index): one half fits the k-means bins, the other is the held-out reference; the train-vs-held-out
/// score is the floor a perfect generator would reach. Repeats: the share of generated tiles whose nearest generated
/// neighbour (by <see cref="TileStructure"/>: a motif repeated in another place or colour counts) is closer than the
/// held-out real tiles' median nearest-real distance (real tiles score ≈ 0.5 against it). Seams: the seam ratio of
/// single tiles for seeds 1…20 at 64 and 256 px, so the worst seed shows.
/// </summary>
internal static class TextureEvaluation
{
    private const int Levels = 4; // per channel: a 4×4×4 = 64-bin joint colour histogram
    private const int Bins = 50;
    private const int SeamSeeds = 20;

    public static TextureEvaluationResult Run(TextureGenerator generator, string model, TileFolder tiles, string dataset, int count, int size, int seed)
    {
        var random = new Random(seed);
        List<byte[]> train = RealCrops(tiles, 0, count, size, random), heldOut = RealCrops(tiles, 1, count, size, random);
        var generated = new List<byte[]>(count);
        for (int start = 0; start < count; start += 32)
        {
            float[][] latents = [.. Enumerable.Range(start, Math.Min(32, count - start)).Select(i => generator.SeededLatent(seed * 100_003 + i, size))];
            generated.AddRange(generator.GenerateMany(latents, size).Select(Planar));
        }
        float[][] trainFeatures = [.. train.Select(Histogram)], heldOutFeatures = [.. heldOut.Select(Histogram)];
        KMeans bins = KMeans.Fit(trainFeatures, Bins, seed);
        double repeatThreshold = NearestNeighbourRepeats.MedianNearestDistance([.. heldOut.Select(TileStructure.Of)]);
        double[] seams64 = SeedSeams(generator, 64, 1), seams256 = SeedSeams(generator, 256, 1);
        double[] cellSeams64 = SeedSeams(generator, 64, TextureGenerator.PixelsPerCell), cellSeams256 = SeedSeams(generator, 256, TextureGenerator.PixelsPerCell);
        return new TextureEvaluationResult
        {
            Model = model, Dataset = dataset, TileSize = size, TilesPerSet = count, Seed = seed, EvaluatedUtc = DateTimeOffset.UtcNow,
            ColourSpread = MeanColourSpread(generated), ColourSpreadReal = MeanColourSpread(heldOut),
            Detail = Detail(generated), DetailReal = Detail(heldOut),
            NdbK = Bins, NdbFeatures = $"sqrt of a {Levels}×{Levels}×{Levels}-bin joint RGB histogram per tile",
            Ndb = NumberOfDifferentBins.Ratio(bins, [.. generated.Select(Histogram)], heldOutFeatures),
            NdbRealFloor = NumberOfDifferentBins.Ratio(bins, trainFeatures, heldOutFeatures),
            RepeatShare = NearestNeighbourRepeats.ShareCloserThan([.. generated.Select(TileStructure.Of)], repeatThreshold),
            RepeatShareReal = NearestNeighbourRepeats.ShareCloserThan([.. train.Select(TileStructure.Of)], repeatThreshold),
            RepeatThreshold = repeatThreshold,
            SeamSeeds = SeamSeeds,
            SeamRatio64Worst = seams64.Max(), SeamRatio64Mean = seams64.Average(),
            SeamRatio256Worst = seams256.Max(), SeamRatio256Mean = seams256.Average(),
            SeamRatio64BySeed = seams64, SeamRatio256BySeed = seams256,
            SeamRatioPhaseMatched64Worst = cellSeams64.Max(), SeamRatioPhaseMatched256Worst = cellSeams256.Max(),
        };
    }

    /// <summary>
    /// Crops [3·size·size] bytes from the images whose index has parity <paramref name="half"/>, each image once before
    /// any is used again: drawn with replacement, 1000 crops of ~3300 images held ~150 pairs of overlapping crops of one
    /// image, which made the real tiles' nearest-neighbour distances (the repeat measure's bar) depend on the count.
    /// </summary>
    private static List<byte[]> RealCrops(TileFolder tiles, int half, int count, int size, Random random)
    {
        int images = (tiles.Count - half + 1) / 2;
        if (images < 1) throw new InvalidDataException($"The dataset needs at least two images (one per half), has {tiles.Count}.");
        var crops = new List<byte[]>(count);
        int[] order = [.. Enumerable.Range(0, images)];
        using var scope = NewDisposeScope();
        for (int i = 0; i < count; i++)
        {
            if (i % images == 0) random.Shuffle(order);
            Tensor image = tiles[2 * order[i % images] + half];
            int y = random.Next((int)image.shape[1] - size + 1), x = random.Next((int)image.shape[2] - size + 1);
            crops.Add(image.narrow(1, y, size).narrow(2, x, size).contiguous().data<byte>().ToArray());
        }
        return crops;
    }

    /// <summary>
    /// The seam ratio of one tile per seed 1…<see cref="SeamSeeds"/> at <paramref name="size"/> px: against every
    /// interior pixel pair (<paramref name="period"/> 1, <see cref="SeamMetric.Ratio"/>) or only against the interior
    /// latent-cell edges (<see cref="SeamMetric.PhaseMatchedRatio"/>; the wrap edge is one of them).
    /// </summary>
    private static double[] SeedSeams(TextureGenerator generator, int size, int period) => [.. Enumerable.Range(1, SeamSeeds).Select(s =>
    {
        byte[] rgb = Planar(generator.Generate(generator.SeededLatent(s, size), size));
        var tile = new PlanarImages([.. rgb.Select(v => v / 255f)], 1, 3, size, size);
        return period == 1 ? SeamMetric.Ratio(tile) : SeamMetric.PhaseMatchedRatio(tile, period);
    })];

    /// <summary>RGBA8 (interleaved) → planar RGB bytes, the layout of the real crops.</summary>
    private static byte[] Planar(byte[] rgba)
    {
        int plane = rgba.Length / 4;
        var rgb = new byte[3 * plane];
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < 3; c++) rgb[c * plane + p] = rgba[p * 4 + c];
        return rgb;
    }

    private static float[] Histogram(byte[] rgb)
    {
        int plane = rgb.Length / 3;
        var counts = new float[Levels * Levels * Levels];
        for (int p = 0; p < plane; p++)
            counts[(rgb[p] * Levels / 256 * Levels + rgb[plane + p] * Levels / 256) * Levels + rgb[2 * plane + p] * Levels / 256]++;
        // Square roots of proportions: Euclidean distance then behaves like the Hellinger distance between histograms.
        for (int b = 0; b < counts.Length; b++) counts[b] = MathF.Sqrt(counts[b] / plane);
        return counts;
    }

    private static double[] MeanColour(byte[] rgb)
    {
        int plane = rgb.Length / 3;
        var mean = new double[3];
        for (int c = 0; c < 3; c++)
        {
            long sum = 0;
            for (int p = 0; p < plane; p++) sum += rgb[c * plane + p];
            mean[c] = sum / (255.0 * plane);
        }
        return mean;
    }

    /// <summary>Standard deviation across tiles of the per-tile mean colour, RMS over R, G, B, in [0, 1] units (as TileVariety).</summary>
    private static double MeanColourSpread(List<byte[]> tiles)
    {
        double[][] means = [.. tiles.Select(MeanColour)];
        double variance = 0;
        for (int c = 0; c < 3; c++)
        {
            double mean = means.Average(m => m[c]);
            variance += means.Average(m => (m[c] - mean) * (m[c] - mean));
        }
        return Math.Sqrt(variance / 3);
    }

    /// <summary>Mean over tiles of the within-tile pixel standard deviation (RMS over channels), in [0, 1] units.</summary>
    private static double Detail(List<byte[]> tiles) => tiles.Average(rgb =>
    {
        int plane = rgb.Length / 3;
        double[] mean = MeanColour(rgb);
        double variance = 0;
        for (int c = 0; c < 3; c++)
            for (int p = 0; p < plane; p++) variance += Math.Pow(rgb[c * plane + p] / 255.0 - mean[c], 2);
        return Math.Sqrt(variance / (3.0 * plane));
    });
}

/// <summary>texture-evaluation.json: what was measured, on what, and the figures (each generated one beside the real one).</summary>
internal sealed record TextureEvaluationResult
{
    public string Model { get; init; } = "";
    public string Dataset { get; init; } = "";
    public int TileSize { get; init; }
    public int TilesPerSet { get; init; }
    public int Seed { get; init; }
    public DateTimeOffset EvaluatedUtc { get; init; }
    public double ColourSpread { get; init; }
    public double ColourSpreadReal { get; init; }
    public double Detail { get; init; }
    public double DetailReal { get; init; }
    public int NdbK { get; init; }
    public string NdbFeatures { get; init; } = "";
    public double Ndb { get; init; }
    public double NdbRealFloor { get; init; }
    public double RepeatShare { get; init; }
    public double RepeatShareReal { get; init; }
    public double RepeatThreshold { get; init; }
    public int SeamSeeds { get; init; }
    public double SeamRatio64Worst { get; init; }
    public double SeamRatio64Mean { get; init; }
    public double SeamRatio256Worst { get; init; }
    public double SeamRatio256Mean { get; init; }
    public double SeamRatioPhaseMatched64Worst { get; init; }
    public double SeamRatioPhaseMatched256Worst { get; init; }
    public IReadOnlyList<double> SeamRatio64BySeed { get; init; } = [];
    public IReadOnlyList<double> SeamRatio256BySeed { get; init; } = [];
}
