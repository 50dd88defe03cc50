using GenWorld.Content.Datasets;
using GenWorld.Core.Models;
using GenWorld.Inference.Generation;
using GenWorld.Training.Prior;

namespace GenWorld.Cli.Prior;

/// <summary>
/// `genworld export` for a Transformer prior: prior.onnx, manifest.json and prior.json from the checkpoint, then
/// timbres.json from models/notes-vae and the full notes dataset (the latents compose renders each note with).
/// </summary>
internal static class PriorModelExport
{
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null, string vaeFolder = "models/notes-vae", string? notesDataset = null)
    {
        notesDataset ??= DatasetBuildOptions.DefaultOutput("notes", DatasetSize.Full);
        if (!Directory.Exists(vaeFolder)) throw new DirectoryNotFoundException($"{vaeFolder}: the notes VAE is needed for the timbre table (run from the repository root).");
        if (!Directory.Exists(notesDataset)) throw new DirectoryNotFoundException($"{notesDataset}: the notes dataset is needed for the timbre table (`genworld dataset build notes`).");
        ModelManifest manifest = PriorExport.Export(checkpointDir, outDir, name);
        TimbreTable table = TimbreTableBuilder.Build(vaeFolder, notesDataset);
        table.Save(Path.Combine(outDir, TimbreTable.FileName));
        return manifest;
    }
}
