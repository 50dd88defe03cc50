using GenWorld.Core.Models;
using GenWorld.Training.Runs;

namespace GenWorld.Cli.Commands;

/// <summary>
/// `train ... --base-model X` without --via: X is a model folder that carries its checkpoint (MODEL/checkpoint/, written
/// by `genworld export`), a run folder (its latest checkpoint) or a checkpoint folder, whose weights start the run
/// (TrainJob loads them; the layer sizes must match). A model folder exported without its checkpoint holds only ONNX
/// graphs, which cannot be trained further, and is refused with the command that would fix it.
/// </summary>
internal static class BaseCheckpoint
{
    /// <summary>The checkpoint folder for <paramref name="given"/>, or null with <paramref name="error"/>.</summary>
    public static string? Resolve(string given, out string? error)
    {
        error = null;
        var full = Path.GetFullPath(given);
        if (File.Exists(Path.Combine(full, "model.pt"))) return full;
        if (ModelCheckpoint.Find(full) is { } carried) return carried;
        if (new CheckpointStore(full).LatestIntact(_ => { }) is { } latest) return latest;
        error = File.Exists(Path.Combine(full, ModelManifest.FileName))
            ? $"--base-model: {given} was exported without its checkpoint (ONNX graphs only, which cannot be trained further); " +
              $"re-export it with `genworld export RUN --out {given}` from the run that trained it, or fine-tune from a run folder."
            : $"--base-model: {given} is neither a model folder, a run folder with checkpoints/ nor a checkpoint folder (model.pt).";
        return null;
    }
}
