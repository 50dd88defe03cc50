using System.CommandLine;
using GenWorld.Training.Runs;

namespace GenWorld.Cli.Commands;

/// <summary>The options every `genworld train &lt;model&gt;` verb shares, and how they become <see cref="TrainingRunOptions"/>.</summary>
internal sealed class TrainOptions
{
    public Option<string> Dataset { get; } = new("--dataset") { Description = "Dataset folder (built dataset or a folder of WAV files with optional labels.csv).", Required = true };
    public Option<long?> Steps { get; } = new("--steps") { Description = "Stop after this many steps." };
    public Option<double?> Minutes { get; } = new("--minutes") { Description = "Stop after this many minutes of training (all sessions)." };
    public Option<string?> Out { get; } = new("--out") { Description = "Run folder for checkpoints, previews, curves.png and report.json." };
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue from the latest checkpoint in --out." };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads (1 is fastest for small models here).", DefaultValueFactory = _ => 1 };
    public Option<int> Nice { get; } = new("--nice") { Description = "Nice value training runs at, 0..19 (0: as started). Lowered so a world on the same machine keeps its deadlines.", DefaultValueFactory = _ => 10 };
    public Option<double> CheckpointMinutes { get; } = new("--checkpoint-minutes") { Description = "Minutes between checkpoints.", DefaultValueFactory = _ => 3 };
    public Option<int> KeepCheckpoints { get; } = new("--keep-checkpoints") { Description = "Checkpoints kept on disk, newest first (keep more for a GAN, to export an earlier one if it drifts).", DefaultValueFactory = _ => 2 };

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Dataset, Steps, Minutes, Out, Resume, Seed, Threads, Nice, CheckpointMinutes, KeepCheckpoints })
            command.Options.Add(o);
    }

    public TrainingRunOptions ToRunOptions(ParseResult parse, string model) => new()
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
    };
}
