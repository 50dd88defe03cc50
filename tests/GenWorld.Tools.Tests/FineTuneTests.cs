using System.CommandLine;
using System.Text.Json;
using GenWorld.Cli.Commands;
using GenWorld.Training.Runs;

namespace GenWorld.Tools.Tests;

/// <summary>
/// Fine-tuning from a model folder, for real and tiny: train a small full-band VAE for a few steps, export it (the
/// model folder now carries checkpoint/), then `train sound-vae --base-model MODEL` starts from exactly those weights.
/// </summary>
[Collection("Native")]
public sealed class FineTuneTests : IDisposable
{
    private static readonly string[] Tiny =
        ["--latent", "4", "--channels", "8", "--batch", "2", "--harmonics", "0", "--noise-bands", "8", "--clip-seconds", "0.512", "--nice", "0"];

    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-finetune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_exported_model_carries_its_checkpoint_and_a_fine_tune_starts_from_its_weights()
    {
        string dataset = MakeLibrary();
        string baseRun = Path.Combine(_dir, "base-run"), model = Path.Combine(_dir, "models", "mine"), tuned = Path.Combine(_dir, "tuned");
        Assert.Equal(0, await Run(["train", "sound-vae", "--dataset", dataset, "--steps", "3", "--out", baseRun, .. Tiny]));
        Assert.Equal(0, await Run(["export", baseRun, "--out", model]));

        string carried = Path.Combine(model, ModelCheckpoint.FolderName);
        Assert.Equal(carried, ModelCheckpoint.Find(model));
        // Weights only: no optimiser state, so a model folder stays small.
        Assert.Equal(["checkpoint.json", "model.pt"], Directory.GetFiles(carried).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, CheckpointStore.Inspect(carried, "synth-vae").Step);

        Assert.Equal(0, await Run(["train", "sound-vae", "--dataset", dataset, "--steps", "4", "--base-model", model, "--evaluate-every", "2", "--out", tuned, .. Tiny]));
        // The run's first checkpoint (step 0, before any step) holds exactly the base model's weights.
        string start = Path.Combine(tuned, "checkpoints", "step-000000000");
        Assert.Equal(File.ReadAllBytes(Path.Combine(carried, "model.pt")), File.ReadAllBytes(Path.Combine(start, "model.pt")));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(tuned, "report.json")));
        Assert.True(report.RootElement.GetProperty("metrics").GetProperty("heldOutSpectralLoss").GetDouble() > 0);

        // Other layer sizes than the base: refused with one line, nothing trained.
        string[] wider = [.. Tiny.Select(a => a == "8" ? "16" : a)];
        Assert.Equal(1, await Run(["train", "sound-vae", "--dataset", dataset, "--steps", "1", "--base-model", model, "--out", Path.Combine(_dir, "wider"), .. wider]));
    }

    [Fact]
    public async Task A_model_folder_without_its_checkpoint_is_refused_with_the_command_that_fixes_it()
    {
        string dataset = MakeLibrary();
        string shipped = RepoPath.CopyWithoutCheckpoint("sfx-vae", Path.Combine(_dir, "onnx-only"));
        Assert.Null(ModelCheckpoint.Find(shipped));
        Assert.Equal(2, await Run(["train", "sound-vae", "--dataset", dataset, "--steps", "1", "--base-model", shipped, "--out", Path.Combine(_dir, "x"), .. Tiny]));
        Assert.False(Directory.Exists(Path.Combine(_dir, "x")));
    }

    [Fact]
    public void Early_stopping_waits_out_its_patience_and_remembers_the_best()
    {
        var early = new EarlyStopping(2);
        Assert.False(early.Observe(0, 5.0));
        Assert.False(early.Observe(100, 4.0));
        Assert.False(early.Observe(200, 4.5)); // one without improvement
        Assert.False(early.Observe(300, 3.0)); // improvement resets the count
        Assert.False(early.Observe(400, double.NaN));
        Assert.True(early.Observe(500, 3.0)); // equal is not better: second in a row
        Assert.Equal(3.0, early.Best);
        Assert.Equal(300, early.BestStep);
    }

    /// <summary>Twelve short 48 kHz sounds made with sox: a folder of WAV files is a dataset `train` takes.</summary>
    private string MakeLibrary()
    {
        string library = Path.Combine(_dir, "library");
        Directory.CreateDirectory(library);
        for (int i = 1; i <= 12; i++)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("sox") { WorkingDirectory = library, RedirectStandardError = true };
            foreach (string a in new[] { "-n", "-r", "48000", $"s{i:D2}.wav", "synth", "0.6", i % 2 == 0 ? "pinknoise" : "square", $"{200 * i}", "fade", "0", "0.6", "0.3" })
                psi.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"sox: {err}");
        }
        return library;
    }

    private static Task<int> Run(string[] args) => new RootCommand { TrainCommand.Create(), ExportCommand.Create() }.Parse(args).InvokeAsync();
}
