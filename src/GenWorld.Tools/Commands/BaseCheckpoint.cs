using GenWorld.Core.Models;
using GenWorld.Training.Runs;

namespace GenWorld.Cli.Commands;

/// <summary>
/// `train ... --base-model X` without --via: X is a run folder (its latest checkpoint) or a checkpoint folder, whose
/// weights start the run (TrainJob loads them; the layer sizes must match). An exported model folder holds only ONNX
/// graphs, not trainable weights, and is refused with a line that says so.
/// </summary>
internal static class BaseCheckpoint
{
    /// <summary>The checkpoint folder for <paramref name="given"/>, or null with <paramref name="error"/>.</summary>
    public static string? Resolve(string given, out string? error)
    {
        error = null;
        var full = Path.GetFullPath(given);
        if (File.Exists(Path.Combine(full, "model.pt"))) return full;
        if (new CheckpointStore(full).LatestIntact(_ => { }) is { } latest) return latest;
        error = File.Exists(Path.Combine(full, ModelManifest.FileName))
            ? $"--base-model: {given} is an exported model (ONNX graphs only; the shipped models carry no training checkpoint). " +
              "Fine-tune from a run folder (the --out of an earlier `genworld train`, e.g. runs/sound-vae) or a checkpoint folder in it."
            : $"--base-model: {given} is neither a run folder with checkpoints/ nor a checkpoint folder (model.pt).";
        return null;
    }
}
