using System.Diagnostics;
using GenWorld.Content.Audio;
using GenWorld.Core.Audio;
using GenWorld.Inference.Evaluation;
using GenWorld.Training.Data;

namespace GenWorld.Cli.Commands;

/// <summary>
/// Runtime-side quality figures of an exported sound model against a dataset's held-out clips (the clips the trainer
/// held out: <see cref="HeldOutSplit"/>), all at 48 kHz: 1-NN two-sample accuracy and Fréchet distance on full-band
/// log-mel statistics (random samples, and a VAE's reconstructions) beside the real-vs-real floor, the median share of
/// energy above 8 kHz, pitch accuracy by YIN beside YIN's score on the real notes, NDB/K, and generation speed.
/// </summary>
internal static class SoundEvaluation
{
    /// <summary>
    /// Families left out of pitch accuracy. GM percussive (agogo, steel drums, woodblock, taiko, melodic tom, synth
    /// drum, reverse cymbal, tinkle bell) are drums or inharmonic; sound effects (fret noise, breath, seashore, birds,
    /// telephone, helicopter, applause, gunshot) are not notes; synth effects (rain, soundtrack, crystal, atmosphere,
    /// brightness, goblins, echoes, sci-fi) are noisy or evolving textures whose heard pitch often is not the key's.
    /// </summary>
    public static readonly string[] UnpitchedFamilies = ["percussive", "sound-effects", "synth-effects"];

    public const int MidiMin = 36, MidiMax = 84, K = 50;

    /// <summary>YIN's threshold for the main figure (its default), and a lax one that still answers for noisy notes.</summary>
    public const double YinThreshold = 0.15, LaxYinThreshold = 0.4;

    public static SoundEvaluationResult Run(SoundModelSampler model, string modelName, string kind, IReadOnlyList<ClipItem> clips,
        string datasetPath, string datasetVersion, int count, int seed, string device, Action<string> log)
    {
        if (clips.Count < 2 * K) throw new InvalidDataException($"{datasetPath}: NDB with K = {K} needs at least {2 * K} clips, the dataset has {clips.Count}.");
        var features = new FullBandFeatures();
        var heldOut = clips.Where((_, i) => HeldOutSplit.IsHeldOut(i, clips.Count)).Take(count).ToList();
        var train = clips.Where((_, i) => !HeldOutSplit.IsHeldOut(i, clips.Count)).ToList();
        var order = new Random(seed).Permutation(train.Count);
        int n = heldOut.Count, fitCount = Math.Min(2000, train.Count - n);
        if (fitCount < K) throw new InvalidDataException($"{datasetPath}: too few training clips to fit {K} bins and keep {n} for the real-vs-real floor.");
        log($"{clips.Count} clips: {n} held out evaluated, {fitCount} training clips fit the {K} NDB bins, {n} others give the real-vs-real floor.");

        // Generate one clip per held-out clip, with its conditions; time only the model (graph + synthesis or inversion + finishing).
        var generated = new float[n][];
        var watch = new Stopwatch();
        for (int i = 0; i < n; i++)
        {
            float[] z = model.RandomLatent(seed * 100_003 + i, heldOut[i].Labels);
            watch.Start();
            generated[i] = model.Generate(z, heldOut[i].Labels);
            watch.Stop();
            if ((i + 1) % 200 == 0) log($"generated {i + 1}/{n}");
        }
        double clipsPerSecond = n / watch.Elapsed.TotalSeconds;
        float[] Real(ClipItem c) => AtFullBand(c, model.ClipLength);
        float[][] heldReal = [.. heldOut.Select(Real)];

        List<float[]> fitFeatures = [.. order.Take(fitCount).Select(j => features.Of(Real(train[j])))];
        List<float[]> floorFeatures = [.. order.Skip(fitCount).Take(n).Select(j => features.Of(Real(train[j])))];
        List<float[]> heldFeatures = [.. heldReal.Select(c => features.Of(c))];
        List<float[]> genFeatures = [.. generated.Select(g => features.Of(g))];
        KMeans bins = KMeans.Fit(fitFeatures, K, seed);
        var ndb = new NdbResult
        {
            K = K, Features = "full-band statistics at 48 kHz: mean and standard deviation over time of a 64-band log-mel spectrogram to 24 kHz, plus the share of energy above 8 kHz; clips finished like generated ones (DC, fades, -18 LUFS)",
            FitClips = fitCount, ClipsPerSet = n,
            GeneratedVsHeldOut = NumberOfDifferentBins.Ratio(bins, genFeatures, heldFeatures),
            RealVsHeldOut = NumberOfDifferentBins.Ratio(bins, floorFeatures.Take(n).ToList(), heldFeatures),
        };
        log("two-sample tests...");
        FullBandResult Compare(List<float[]> mine, IEnumerable<float[]> clipsOf) => new()
        {
            NearestNeighbourAccuracy = TwoSampleTests.NearestNeighbourAccuracy(mine, heldFeatures),
            FrechetDistance = TwoSampleTests.FrechetDistance(mine, heldFeatures),
            HighBandShareMedian = Median(clipsOf.Select(c => FullBandFeatures.HighBandShare(c))),
            GivenAwayBy = [.. TwoSampleTests.MostSeparating(mine, heldFeatures, 8).Select(e => new SeparatingFeature(FullBandFeatures.Name(e.Feature), Math.Round(e.EffectSize, 2)))],
        };
        FullBandResult? reconstructions = null;
        if (model.CanReconstruct)
        {
            float[][] recon = [.. heldOut.Select((c, i) => model.Reconstruct(new Core.Audio.AudioClip(c.Samples, 1, c.SampleRate), c.Labels))];
            reconstructions = Compare([.. recon.Select(r => features.Of(r))], recon);
        }
        var fullBand = new FullBandEvaluation
        {
            Features = ndb.Features,
            Generated = Compare(genFeatures, generated),
            Reconstructions = reconstructions,
            RealFloor = Compare(floorFeatures, order.Skip(fitCount).Take(n).Select(j => Real(train[j]))) with { HighBandShareMedian = Median(heldReal.Select(c => FullBandFeatures.HighBandShare(c))) },
        };

        return new SoundEvaluationResult
        {
            Model = modelName, Kind = kind, Dataset = datasetPath, DatasetVersion = datasetVersion,
            HeldOutRule = $"every {HeldOutSplit.DefaultEvery}th clip in dataset order (as the trainers hold out)", HeldOutClips = n, Seed = seed,
            RandomLatents = model.Prior is { } prior ? $"latent-prior.json: {prior.Fitted}, fitted to {prior.TrainingClips} training clips' codes" : "N(0, I)",
            EvaluatedUtc = DateTimeOffset.UtcNow,
            Pitch = model.PitchConditioned ? Pitch(model, heldOut, heldReal, generated) : null,
            Ndb = ndb,
            FullBand = fullBand,
            Speed = new SpeedResult
            {
                IntraOpThreads = 1, Device = device, Clips = n, ClipsPerSecond = clipsPerSecond,
                SamplesPerSecond = clipsPerSecond * model.ClipLength, RealTimeFactor = clipsPerSecond * model.ClipLength / model.SampleRate,
            },
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] v = [.. values.Order()];
        return v.Length == 0 ? 0 : v[v.Length / 2];
    }

    private static PitchAccuracyResult Pitch(SoundModelSampler model, List<ClipItem> heldOut, float[][] heldReal, float[][] generated)
    {
        var real = new List<(string Family, bool Hit, double? Cents)>();
        var fake = new List<(string Family, bool Hit, double? Cents)>();
        var realLax = new List<(string Family, bool Hit, double? Cents)>();
        var fakeLax = new List<(string Family, bool Hit, double? Cents)>();
        for (int i = 0; i < heldOut.Count; i++)
        {
            IReadOnlyDictionary<string, string> labels = heldOut[i].Labels;
            string family = labels.GetValueOrDefault("family", "(none)");
            if (UnpitchedFamilies.Contains(family) || !int.TryParse(labels.GetValueOrDefault("pitch"), out int midi) || midi is < MidiMin or > MidiMax) continue;
            float[] realClip = heldReal[i];
            real.Add(Check(realClip, model.SampleRate, midi, family, YinThreshold));
            fake.Add(Check(generated[i], model.SampleRate, midi, family, YinThreshold));
            realLax.Add(Check(realClip, model.SampleRate, midi, family, LaxYinThreshold));
            fakeLax.Add(Check(generated[i], model.SampleRate, midi, family, LaxYinThreshold));
        }
        return new PitchAccuracyResult
        {
            Estimator = "YIN (GenWorld.Content PitchEstimator.Yin: 40..2000 Hz, threshold 0.15, window from 0.1 s)",
            ToleranceCents = PitchCheck.ToleranceCents, MidiMin = MidiMin, MidiMax = MidiMax,
            Families = [.. real.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal)],
            ExcludedFamilies = UnpitchedFamilies,
            ExclusionReason = "drums and inharmonic percussion, non-note sound effects, noisy or evolving synth effects",
            GeneratedConditioning = model.Conditioning,
            Real = Tally(real), Generated = Tally(fake),
            LaxThreshold = LaxYinThreshold, RealLax = Tally(realLax), GeneratedLax = Tally(fakeLax),
            ByFamilyRealGenerated = real.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal).ToDictionary(
                f => f, f => new[] { Share(real, f), Share(fake, f) }),
        };
    }

    private static (string, bool, double?) Check(float[] clip, int rate, int midi, string family, double threshold)
    {
        double? hz = PitchEstimator.Yin(clip, rate, threshold: threshold);
        return (family, PitchCheck.Within(hz, midi), hz is double f ? PitchCheck.Cents(f, midi) : null);
    }

    private static PitchTally Tally(List<(string Family, bool Hit, double? Cents)> notes)
    {
        double[] cents = [.. notes.Where(n => n.Cents is not null).Select(n => Math.Abs(n.Cents!.Value)).Order()];
        return new PitchTally
        {
            Notes = notes.Count, Accuracy = notes.Count == 0 ? 0 : notes.Count(n => n.Hit) / (double)notes.Count,
            NoEstimate = notes.Count(n => n.Cents is null), MedianAbsCents = cents.Length == 0 ? null : cents[cents.Length / 2],
        };
    }

    private static double Share(List<(string Family, bool Hit, double? Cents)> notes, string family)
    {
        var mine = notes.Where(n => n.Family == family).ToList();
        return mine.Count == 0 ? 0 : mine.Count(n => n.Hit) / (double)mine.Count;
    }

    /// <summary>A real clip at 48 kHz (windowed-sinc resampling, never linear), cut or zero-padded to the generated clips' length.</summary>
    private static float[] AtFullBand(ClipItem clip, int length)
    {
        // Crop before resampling: only the input that reaches the kept output (plus the filter's reach) is converted.
        long reach = ((long)length * clip.SampleRate / FullBandFeatures.SampleRate) + 4L * Core.Dsp.PolyphaseResampler.ZeroCrossings * Math.Max(1, clip.SampleRate / FullBandFeatures.SampleRate + 1);
        float[] source = clip.Samples.Length > reach ? clip.Samples[..(int)reach] : clip.Samples;
        float[] samples = new Core.Dsp.PolyphaseResampler(clip.SampleRate, FullBandFeatures.SampleRate).Process(source);
        var fitted = new float[length];
        Array.Copy(samples, fitted, Math.Min(samples.Length, fitted.Length));
        return fitted;
    }

    private static int[] Permutation(this Random random, int count)
    {
        int[] p = [.. Enumerable.Range(0, count)];
        random.Shuffle(p);
        return p;
    }
}
