using GenWorld.Cli.Commands;

namespace GenWorld.Tools.Tests;

/// <summary>`train --base-model` without --via: what it accepts and the one line it gives for what it cannot use.</summary>
public sealed class BaseCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-base-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_model_folder_without_its_checkpoint_is_refused_saying_how_to_re_export_it()
    {
        string shipped = RepoPath.CopyWithoutCheckpoint("sfx-vae", Path.Combine(_dir, "onnx-only"));
        Assert.Null(BaseCheckpoint.Resolve(shipped, out string? error));
        Assert.Contains("exported without its checkpoint", error, StringComparison.Ordinal);
        Assert.Contains($"genworld export RUN --out {shipped}", error, StringComparison.Ordinal);
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        Assert.Null(BaseCheckpoint.Resolve(empty, out error));
        Assert.StartsWith("--base-model:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_folder_is_taken_as_it_is()
    {
        File.WriteAllBytes(Path.Combine(_dir, "model.pt"), [1, 2, 3]);
        Assert.Equal(_dir, BaseCheckpoint.Resolve(_dir, out string? error));
        Assert.Null(error);
    }
}
