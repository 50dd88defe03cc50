using System.CommandLine;
using GenWorld.Cli.Commands;
using GenWorld.Training.Runs;

namespace GenWorld.Tools.Tests;

/// <summary>
/// Fine-tuning the texture GAN from a model folder, for real and tiny: a few steps on the fixture textures, export (the
/// model folder carries checkpoint/), then `train texture-gan --base-model MODEL` starts from exactly those weights;
/// and the shipped textures-gan, which carries its checkpoint too, fine-tunes with the default options.
/// </summary>
[Collection("Native")]
public sealed class TextureFineTuneTests : IDisposable
{
    private static readonly string[] Tiny =
        ["--tile-size", "32", "--latent", "8", "--global", "4", "--style", "8", "--g-channels", "16", "--d-channels", "4", "--batch", "4", "--nice", "0"];

    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-texfinetune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixtures => Path.Combine(RepoPath.Root, "content", "fixtures", "textures");

    [Fact]
    public async Task An_exported_texture_model_carries_its_checkpoint_and_a_fine_tune_starts_from_its_weights()
    {
        string baseRun = Path.Combine(_dir, "base-run"), model = Path.Combine(_dir, "models", "tiles"), tuned = Path.Combine(_dir, "tuned");
        Assert.Equal(0, await Run(["train", "texture-gan", "--dataset", Fixtures, "--steps", "3", "--out", baseRun, .. Tiny]));
        Assert.Equal(0, await Run(["export", baseRun, "--out", model]));
        string carried = Path.Combine(model, ModelCheckpoint.FolderName);
        Assert.Equal(carried, ModelCheckpoint.Find(model));
        Assert.Equal(3, CheckpointStore.Inspect(carried, "texture-gan").Step);

        Assert.Equal(0, await Run(["train", "texture-gan", "--dataset", Fixtures, "--steps", "2", "--base-model", model, "--out", tuned, .. Tiny]));
        // The run's first checkpoint (step 0, before any step) holds exactly the base model's weights.
        string start = Path.Combine(tuned, "checkpoints", "step-000000000");
        Assert.Equal(File.ReadAllBytes(Path.Combine(carried, "model.pt")), File.ReadAllBytes(Path.Combine(start, "model.pt")));
        Assert.True(File.Exists(Path.Combine(tuned, "contact-sheet.png")));

        // Other layer sizes than the base: refused with one line, nothing trained.
        string[] wider = [.. Tiny.Select(a => a == "16" ? "32" : a)];
        Assert.Equal(1, await Run(["train", "texture-gan", "--dataset", Fixtures, "--steps", "1", "--base-model", model, "--out", Path.Combine(_dir, "wider"), .. wider]));
    }

    [Fact]
    public async Task The_shipped_texture_model_fine_tunes_with_the_default_options()
    {
        string shipped = Path.Combine(RepoPath.Models, "textures-gan"), tuned = Path.Combine(_dir, "tuned-shipped");
        Assert.NotNull(ModelCheckpoint.Find(shipped));
        Assert.Equal(0, await Run(["train", "texture-gan", "--dataset", Fixtures, "--steps", "1", "--base-model", shipped, "--batch", "4", "--out", tuned, "--nice", "0"]));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(shipped, ModelCheckpoint.FolderName, "model.pt")),
            File.ReadAllBytes(Path.Combine(tuned, "checkpoints", "step-000000000", "model.pt")));
    }

    private static Task<int> Run(string[] args) => new RootCommand { TrainCommand.Create(), ExportCommand.Create() }.Parse(args).InvokeAsync();
}
