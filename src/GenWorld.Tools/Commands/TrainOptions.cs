using System.CommandLine;
using GenWorld.Training.Runs;

namespace GenWorld.Cli.Commands;

/// <summary>The options every `genworld train &lt;model&gt;` verb shares, and how they become <see cref="TrainingRunOptions"/>.</summary>
internal sealed class TrainOptions
{
    /// <summary>Early-stopping patience when fine-tuning and --early-stop is not given.</summary>
    public const int FineTuneEarlyStop = 5;

    /// <summary>A year of minutes: more is a typo (1e300 used to overflow TimeSpan with a stack trace).</summary>
    private const double MaxMinutes = 366 * 24 * 60;

    public Option<string> Dataset { get; } = new Option<string>("--dataset") { Description = "Dataset folder (built dataset or a folder of WAV files with optional labels.csv).", Required = true };
    public Option<long?> Steps { get; } = new Option<long?>("--steps") { Description = "Stop after this many steps." }.Between(1, 1_000_000_000_000);
    public Option<double?> Minutes { get; } = new Option<double?>("--minutes") { Description = "Stop after this many minutes of training (all sessions)." }.Above(0, MaxMinutes);
    public Option<string?> Out { get; } = new Option<string?>("--out") { Description = "Run folder for checkpoints, previews, curves.png and report.json." };
    public Option<bool> Resume { get; } = new Option<bool>("--resume") { Description = "Continue from the latest checkpoint in --out." };
    public Option<int> Seed { get; } = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
    public Option<int> Threads { get; } = new Option<int>("--threads") { Description = "libtorch threads (1 is fastest for small models here).", DefaultValueFactory = _ => 1 }.Between(1, 1024);
    public Option<double> CheckpointMinutes { get; } = new Option<double>("--checkpoint-minutes") { Description = "Minutes between checkpoints.", DefaultValueFactory = _ => 3 }.Above(0, MaxMinutes);
    public Option<int> KeepCheckpoints { get; } = new Option<int>("--keep-checkpoints") { Description = "Checkpoints kept on disk, newest first (keep more for a GAN, to export an earlier one if it drifts).", DefaultValueFactory = _ => 2 }.Between(1, 1000);
    public Option<int?> EarlyStop { get; } = new Option<int?>("--early-stop") { Description = $"Stop when the held-out loss has not improved for N evaluations (0: off). Default: {FineTuneEarlyStop} with --base-model (a small library is learnt by heart within minutes), else off." }.Between(0, 1_000_000);
    public Option<int> EvaluateEvery { get; } = new Option<int>("--evaluate-every") { Description = "Steps between held-out evaluations for --early-stop.", DefaultValueFactory = _ => 100 }.Between(1, 1_000_000_000);
    public Option<int> Nice { get; } = new Option<int>("--nice") { Description = "Nice value training runs at, 0..19 (0: as started). Lowered so a world on the same machine keeps its deadlines.", DefaultValueFactory = _ => 10 }.Between(0, 19);

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Dataset, Steps, Minutes, Out, Resume, Seed, Threads, Nice, CheckpointMinutes, KeepCheckpoints, EarlyStop, EvaluateEvery })
            command.Options.Add(o);
    }

    /// <summary>The run options; <paramref name="fineTuning"/> turns early stopping on unless --early-stop says otherwise.</summary>
    public TrainingRunOptions ToRunOptions(ParseResult parse, string model, bool fineTuning = false) => new()
    {
        OutDir = parse.GetValue(Out) ?? Path.Combine("runs", model),
        MaxSteps = parse.GetValue(Steps),
        MaxMinutes = parse.GetValue(Minutes),
        Resume = parse.GetValue(Resume),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
        Nice = parse.GetValue(Nice),
        CheckpointInterval = TimeSpan.FromMinutes(parse.GetValue(CheckpointMinutes)),
        KeepCheckpoints = parse.GetValue(KeepCheckpoints),
        EarlyStopPatience = (parse.GetValue(EarlyStop) ?? (fineTuning ? FineTuneEarlyStop : 0)) is > 0 and int patience ? patience : null,
        EvaluateEverySteps = parse.GetValue(EvaluateEvery),
    };
}
