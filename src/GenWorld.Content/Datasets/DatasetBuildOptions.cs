namespace GenWorld.Content.Datasets;

/// <summary>What to build and where. Validate with <see cref="Validate"/> (the builder does).</summary>
public sealed record DatasetBuildOptions
{
    /// <summary>Output folder; the build stages in <c>OUT.staging</c> and renames into place when complete.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How much to build.</summary>
    public DatasetSize Size { get; init; } = DatasetSize.Full;

    /// <summary>The rate of the full-band datasets (`dataset build` default): real sources reach 20 kHz.</summary>
    public const int FullBandRate = 48000;

    /// <summary>Audio sample rate in Hz (audio kinds).</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Work units run at once (fluidsynth renders, file conversions).</summary>
    public int MaxParallelism { get; init; } = 2;

    /// <summary>The command line that made the dataset, for the card.</summary>
    public string Command { get; init; } = "";

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new ArgumentException("OutputDirectory: empty", nameof(OutputDirectory));
        if (SampleRate is < 8000 or > 96000)
            throw new ArgumentException($"SampleRate: {SampleRate} Hz is outside 8000..96000", nameof(SampleRate));
        if (MaxParallelism < 1)
            throw new ArgumentException($"MaxParallelism: {MaxParallelism} must be at least 1", nameof(MaxParallelism));
    }

    /// <summary>Default output folder for a kind and size: <c>~/.cache/genworld/datasets/KIND-SIZE</c>.</summary>
    public static string DefaultOutput(string kind, DatasetSize size) =>
        Path.Combine(Debian.DebianPackageFetcher.DefaultCacheRoot, "datasets", $"{kind}-{size.ToString().ToLowerInvariant()}");
}
