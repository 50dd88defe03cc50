namespace GenWorld.Training.Synth;

/// <summary>Optimisation settings of <see cref="SynthVaeTrainer"/>.</summary>
public sealed record SynthVaeTrainingOptions
{
    /// <summary>Clips per step.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Adam learning rate of the VAE.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight of KL (nats per clip) against the spectral loss, reached linearly over <see cref="BetaWarmupSteps"/>.</summary>
    public double Beta { get; init; } = 3e-3;

    /// <summary>KL warm-up length in steps.</summary>
    public int BetaWarmupSteps { get; init; } = 2000;

    /// <summary>Control frames of the window each step renders and scores (the network always writes the whole clip).</summary>
    public int CropFrames { get; init; } = 40;

    /// <summary>Share of steps whose window starts at the note's onset (attacks are short and matter most).</summary>
    public double OnsetCropShare { get; init; } = 0.35;

    /// <summary>Step from which the adversarial stage runs (encoder frozen, critic + feature matching); 0: never.</summary>
    public int AdversarialAfter { get; init; }

    /// <summary>Weight of the generator's least-squares adversarial loss.</summary>
    public double AdversarialWeight { get; init; } = 0.1;

    /// <summary>Weight of the feature-matching loss.</summary>
    public double FeatureMatchingWeight { get; init; } = 0.2;

    /// <summary>Share of each batch's clips replaced by a new take (<see cref="ClipAugmentation"/>); 0: none.</summary>
    public double Augment { get; init; }

    /// <summary>Every this-many-th clip (by position) is held out for evaluation.</summary>
    public int HeldOutEvery { get; init; } = 10;

    /// <summary>At most this many held-out clips are evaluated.</summary>
    public int MaxEvaluationClips { get; init; } = 48;

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (BatchSize is < 1 or > 256) e.Add($"batchSize: must be 1..256, got {BatchSize}.");
        if (!(LearningRate is > 0 and < 1)) e.Add($"learningRate: must be in (0, 1), got {LearningRate}.");
        if (!(Beta is >= 0 and < 100)) e.Add($"beta: must be in [0, 100), got {Beta}.");
        if (BetaWarmupSteps < 0) e.Add($"betaWarmupSteps: must be >= 0, got {BetaWarmupSteps}.");
        if (CropFrames < 12) e.Add($"cropFrames: must be >= 12 (the 4096-point STFT needs room), got {CropFrames}.");
        if (!(OnsetCropShare is >= 0 and <= 1)) e.Add($"onsetCropShare: must be in [0, 1], got {OnsetCropShare}.");
        if (AdversarialAfter < 0) e.Add($"adversarialAfter: must be >= 0, got {AdversarialAfter}.");
        if (!(AdversarialWeight >= 0) || !(FeatureMatchingWeight >= 0)) e.Add("adversarialWeight/featureMatchingWeight: must be >= 0.");
        if (!(Augment is >= 0 and <= 1)) e.Add($"augment: must be in [0, 1], got {Augment}.");
        if (HeldOutEvery < 2) e.Add($"heldOutEvery: must be >= 2, got {HeldOutEvery}.");
        if (MaxEvaluationClips < 1) e.Add($"maxEvaluationClips: must be >= 1, got {MaxEvaluationClips}.");
        return e;
    }
}
