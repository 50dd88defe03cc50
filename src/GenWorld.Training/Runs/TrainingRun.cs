using TorchSharp;

namespace GenWorld.Training.Runs;

/// <summary>What a finished run hands back.</summary>
public sealed record TrainingRunResult(TrainingReport Report, IReadOnlyList<HistoryPoint> History);

/// <summary>
/// Drives any <see cref="ITrainable"/>: seeds libtorch and <see cref="RunRandom"/>, sets threads, runs steps within a
/// step/minute budget, checkpoints atomically (start, every interval, end), resumes, rolls back on NaN/Inf with a
/// lower learning rate, and writes previews, curves.png and report.json.
/// </summary>
public static class TrainingRun
{
    /// <summary>Validates the options, then seeds, builds the model with <paramref name="create"/> and trains it.</summary>
    public static TrainingRunResult Execute(TrainingRunOptions options, Func<RunRandom, ITrainable> create, ITrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(create);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0) throw new TrainingException("Invalid training options: " + string.Join(" ", errors));
        progress ??= new NullTrainingProgress();
        Directory.CreateDirectory(options.OutDir);
        // Before libtorch creates its worker threads, so they inherit the lower priority (nice is per thread on Linux).
        if (options.Nice > 0) Core.Native.ThreadNice.Lower(options.Nice);
        Native.OneDnnSwitch.Apply();
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        var random = new RunRandom(options.Seed);
        using RunLock runLock = RunLock.Acquire(options.OutDir);
        using ITrainable trainable = create(random);
        return new TrainingLoop(options, trainable, random, progress).Run();
    }
}
