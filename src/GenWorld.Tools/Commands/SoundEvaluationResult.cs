namespace GenWorld.Cli.Commands;

/// <summary>evaluation.json of a sound model: what was measured, on what, and the figures.</summary>
internal sealed record SoundEvaluationResult
{
    public string Model { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Dataset { get; init; } = "";
    public string DatasetVersion { get; init; } = "";
    public string HeldOutRule { get; init; } = "";
    public int HeldOutClips { get; init; }
    public int Seed { get; init; }

    /// <summary>Where the random samples' latents come from: N(0, I), or the VAE's fitted latent-prior.json.</summary>
    public string RandomLatents { get; init; } = "";
    public DateTimeOffset EvaluatedUtc { get; init; }
    public PitchAccuracyResult? Pitch { get; init; }
    public NdbResult Ndb { get; init; } = new();
    public FullBandEvaluation? FullBand { get; init; }
    public SpeedResult Speed { get; init; } = new();
}

/// <summary>Pitch accuracy of generated notes beside the estimator's score on the real held-out notes of the same conditions.</summary>
internal sealed record PitchAccuracyResult
{
    public string Estimator { get; init; } = "";
    public double ToleranceCents { get; init; }
    public int MidiMin { get; init; }
    public int MidiMax { get; init; }
    public IReadOnlyList<string> Families { get; init; } = [];
    public IReadOnlyList<string> ExcludedFamilies { get; init; } = [];
    public string ExclusionReason { get; init; } = "";
    public string GeneratedConditioning { get; init; } = "";
    public PitchTally Real { get; init; } = new();
    public PitchTally Generated { get; init; } = new();

    /// <summary>The same with a lax YIN threshold: does the period come out right when YIN is made to answer for noisy notes?</summary>
    public double LaxThreshold { get; init; }
    public PitchTally RealLax { get; init; } = new();
    public PitchTally GeneratedLax { get; init; } = new();
    public IReadOnlyDictionary<string, double[]> ByFamilyRealGenerated { get; init; } = new Dictionary<string, double[]>();
}

/// <summary>How many notes were checked, the share within tolerance, and how many gave no pitch estimate at all.</summary>
internal sealed record PitchTally
{
    public int Notes { get; init; }
    public double Accuracy { get; init; }
    public int NoEstimate { get; init; }
    public double? MedianAbsCents { get; init; }
}

/// <summary>NDB/K of generated vs held-out real clips, with the real-vs-real floor.</summary>
internal sealed record NdbResult
{
    public int K { get; init; }
    public string Features { get; init; } = "";
    public int FitClips { get; init; }
    public int ClipsPerSet { get; init; }
    public double SignificanceLevel { get; init; } = 0.05;
    public double GeneratedVsHeldOut { get; init; }
    public double RealVsHeldOut { get; init; }
}

/// <summary>Generation speed through ONNX Runtime (graph + one-iSTFT inversion + finishing), one clip per call.</summary>
internal sealed record SpeedResult
{
    public int IntraOpThreads { get; init; }
    public string Device { get; init; } = "";
    public int Clips { get; init; }
    public double ClipsPerSecond { get; init; }
    public double SamplesPerSecond { get; init; }
    public double RealTimeFactor { get; init; }
}

/// <summary>Full-band two-sample figures: generated (and a VAE's reconstructions) vs held-out real clips, beside real vs held-out.</summary>
internal sealed record FullBandEvaluation
{
    public string Features { get; init; } = "";
    public FullBandResult Generated { get; init; } = new();
    public FullBandResult? Reconstructions { get; init; }
    public FullBandResult RealFloor { get; init; } = new();
}

/// <summary>One feature and how far apart the generated and real clips lie on it, in pooled standard deviations.</summary>
internal sealed record SeparatingFeature(string Feature, double EffectSize);

/// <summary>1-NN accuracy (0.5 = indistinguishable), Fréchet distance, and the median share of energy above 8 kHz.</summary>
internal sealed record FullBandResult
{
    public double NearestNeighbourAccuracy { get; init; }
    public double FrechetDistance { get; init; }
    public double HighBandShareMedian { get; init; }

    /// <summary>The features that separate these clips from the held-out real ones most (Cohen's d, these minus real), largest first.</summary>
    public IReadOnlyList<SeparatingFeature> GivenAwayBy { get; init; } = [];
}
