using GenWorld.Core.IO;

namespace GenWorld.Core.Tests;

public sealed class FolderSwapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-swap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_new_export_replaces_the_whole_folder_and_a_failed_one_leaves_the_old_untouched()
    {
        string target = Path.Combine(_dir, "notes-vae");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "decoder.onnx"), "v1");
        File.WriteAllText(Path.Combine(target, "anchors.json"), "made by v1");
        File.WriteAllText(Path.Combine(target, "evaluation.json"), "of v1");

        FolderSwap.Replace(target, temp => File.WriteAllText(Path.Combine(temp, "decoder.onnx"), "v2"));
        Assert.Equal(["decoder.onnx"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(target, "decoder.onnx")));

        Assert.Throws<InvalidOperationException>(() => FolderSwap.Replace(target, temp =>
        {
            File.WriteAllText(Path.Combine(temp, "decoder.onnx"), "half of v3");
            throw new InvalidOperationException("export failed");
        }));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(target, "decoder.onnx")));
        Assert.Equal(["notes-vae"], Directory.GetDirectories(_dir).Select(Path.GetFileName)); // no temporary folders left

        FolderSwap.Replace(Path.Combine(_dir, "fresh"), temp => File.WriteAllText(Path.Combine(temp, "a"), "x"));
        Assert.True(File.Exists(Path.Combine(_dir, "fresh", "a")));
    }
}
