using System.CommandLine;
using GenWorld.Cli.Prior;
using GenWorld.Content.Datasets;
using GenWorld.Inference.Generation;
using GenWorld.Inference;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld field timbres</c>: rebuilds a prior folder's timbres.json (the latents `compose` and the attract tour play
/// each family's notes with) from a notes VAE, so a retrained or full-band field VAE drops in without retraining the
/// prior. Written atomically; the prior's own files are left alone.
/// </summary>
internal static class FieldTimbresCommand
{
    public static Command Create()
    {
        var prior = new Option<DirectoryInfo>("--prior") { Description = "Prior model folder whose timbres.json is rebuilt.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-prior") }.ExistingFolder();
        var vae = new Option<DirectoryInfo>("--vae") { Description = "Notes VAE folder whose encoder places every note (16 kHz or 48 kHz).", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") }.ExistingFolder();
        var dataset = new Option<string?>("--dataset") { Description = "Notes dataset (default: the full notes dataset `genworld dataset build notes` writes)." };
        var command = new Command("timbres", "Rebuild a prior's timbre table (timbres.json) from a notes VAE, after the VAE was retrained.") { prior, vae, dataset };
        command.SetAction(parse =>
        {
            string notes = parse.GetValue(dataset) ?? DatasetBuildOptions.DefaultOutput("notes", DatasetSize.Full);
            try
            {
                TimbreTable table = TimbreTableBuilder.Build(parse.GetValue(vae)!.FullName, notes);
                string path = Path.Combine(parse.GetValue(prior)!.FullName, TimbreTable.FileName);
                table.Save(path);
                Console.WriteLine($"wrote {path}: {table.Entries.Count} notes of {TimbreTableBuilder.RepresentativePrograms.Length} families, latents of {table.SourceModel} ({table.LatentSize} values)");
                return 0;
            }
            catch (DatasetException e) { return CliMessage.Fail($"field timbres: --dataset: {e.Message}", 2); }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidModelFolderException or InvalidModelException)
            {
                return CliMessage.Fail($"field timbres: {e.Message}", 1);
            }
        });
        return command;
    }
}
