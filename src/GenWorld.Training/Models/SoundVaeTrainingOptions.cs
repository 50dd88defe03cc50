namespace GenWorld.Training.Models;

/// <summary>Optimisation settings of <see cref="SoundVaeTrainer"/>.</summary>
public sealed record SoundVaeTrainingOptions
{
    /// <summary>Clips per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight of the instantaneous-frequency channel in the reconstruction loss (log-magnitude weighs 1).</summary>
    public double IfWeight { get; init; } = 0.5;

    /// <summary>Final weight of KL (nats per clip) divided by the values per clip; reached linearly over <see cref="BetaWarmupSteps"/>.</summary>
    public double Beta { get; init; } = 1;

    /// <summary>KL warm-up length in steps.</summary>
    public int BetaWarmupSteps { get; init; } = 1000;

    /// <summary>σ of the Gaussian likelihood p(x|z) = N(decoder(z), σ²I) over the representation, for the reported ELBO.</summary>
    public double LikelihoodSigma { get; init; } = 0.1;

    /// <summary>Every this-many-th clip (by position) is held out for evaluation.</summary>
    public int HeldOutEvery { get; init; } = 10;

    /// <summary>At most this many held-out clips are evaluated (keeps the final report quick).</summary>
    public int MaxEvaluationClips { get; init; } = 64;

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (BatchSize < 1) e.Add($"batchSize: must be >= 1, got {BatchSize}.");
        if (!(LearningRate > 0)) e.Add($"learningRate: must be > 0, got {LearningRate}.");
        if (!(IfWeight >= 0)) e.Add($"ifWeight: must be >= 0, got {IfWeight}.");
        if (!(Beta >= 0)) e.Add($"beta: must be >= 0, got {Beta}.");
        if (BetaWarmupSteps < 0) e.Add($"betaWarmupSteps: must be >= 0, got {BetaWarmupSteps}.");
        if (!(LikelihoodSigma > 0)) e.Add($"likelihoodSigma: must be > 0, got {LikelihoodSigma}.");
        if (HeldOutEvery < 2) e.Add($"heldOutEvery: must be >= 2, got {HeldOutEvery}.");
        if (MaxEvaluationClips < 1) e.Add($"maxEvaluationClips: must be >= 1, got {MaxEvaluationClips}.");
        return e;
    }
}
