namespace GenWorld.Training.Prior;

/// <summary>Optimisation settings shared by both priors (same data, same budget, same recipe).</summary>
public sealed record PriorTrainingOptions
{
    /// <summary>Windows per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Gradient norm clip (GRUs need it; the Transformer gets the same).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Random transposition of training windows by up to ± this many semitones (0: off).</summary>
    public int Transpose { get; init; } = 5;

    /// <summary>The held-out loss in the curves is re-measured every this many steps.</summary>
    public int HeldOutEverySteps { get; init; } = 100;

    /// <summary>Held-out windows used for the curve (the final report scores every held-out token).</summary>
    public int CurveWindows { get; init; } = 24;

    /// <summary>Tokens generated to time sampling in the final report.</summary>
    public int TimingTokens { get; init; } = 384;

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (BatchSize < 1) e.Add($"batchSize: must be >= 1, got {BatchSize}.");
        if (!(LearningRate > 0)) e.Add($"learningRate: must be > 0, got {LearningRate}.");
        if (!(ClipNorm > 0)) e.Add($"clipNorm: must be > 0, got {ClipNorm}.");
        if (Transpose is < 0 or > 12) e.Add($"transpose: must be 0..12, got {Transpose}.");
        if (HeldOutEverySteps < 1) e.Add($"heldOutEverySteps: must be >= 1, got {HeldOutEverySteps}.");
        if (CurveWindows < 1) e.Add($"curveWindows: must be >= 1, got {CurveWindows}.");
        if (TimingTokens < 1) e.Add($"timingTokens: must be >= 1, got {TimingTokens}.");
        return e;
    }
}
