using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Training.Runs;

/// <summary>
/// The training checkpoint an exported model folder carries in MODEL/checkpoint/, so `train --base-model MODEL` can
/// fine-tune from a shipped model (ONNX graphs cannot be trained further). Only the weights travel: model.pt and a
/// checkpoint.json that lists just that file (no optimiser state, no RNG, no loss history), which keeps a model folder
/// small and is all fine-tuning reads (<see cref="CheckpointStore.Inspect"/> then <c>Module.load</c>).
/// </summary>
public static class ModelCheckpoint
{
    /// <summary>The sub-folder of a model folder that holds its checkpoint.</summary>
    public const string FolderName = "checkpoint";

    private const string ModelFile = "model.pt";
    private const string SidecarFile = "checkpoint.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>MODEL/checkpoint when it holds a checkpoint, else null.</summary>
    public static string? Find(string modelDir)
    {
        string dir = Path.Combine(modelDir, FolderName);
        return File.Exists(Path.Combine(dir, ModelFile)) && File.Exists(Path.Combine(dir, SidecarFile)) ? dir : null;
    }

    /// <summary>Copies the weights of <paramref name="checkpointDir"/> (checked first) into <paramref name="modelDir"/>/checkpoint.</summary>
    /// <exception cref="TrainingException">The source checkpoint is foreign or damaged.</exception>
    public static void WriteInto(string checkpointDir, string modelDir)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir);
        string target = Path.Combine(modelDir, FolderName);
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(checkpointDir, ModelFile), Path.Combine(target, ModelFile), overwrite: true);
        var slim = state with
        {
            Files = new Dictionary<string, string> { [ModelFile] = state.Files[ModelFile] },
            History = [],
        };
        AtomicFile.WriteAllText(Path.Combine(target, SidecarFile), JsonSerializer.Serialize(slim, Json));
    }
}
