using System.Buffers.Binary;
using System.CommandLine;
using System.Diagnostics;
using GenWorld.Cli.Commands;

namespace GenWorld.Cli.Tests;

/// <summary>Arguments that used to run away (12 GB tiles, /dev/zero, a 1 Hz header) are refused in one line before any work.</summary>
[Collection("Native")]
public sealed class RunawayArgumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-runaway-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("-16")]
    [InlineData("15")]
    [InlineData("4096")]
    [InlineData("8192")]
    public async Task Generate_texture_refuses_sizes_before_loading_the_model(string size)
    {
        (int code, string error) = await Run("texture", "--size", size, "--out", Path.Combine(_dir, "t.png"));
        Assert.Equal(2, code);
        Assert.StartsWith($"generate texture: --size {size}: must be a multiple of 16 between 16 and 2048", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        (code, error) = await Run("texture", "--size", "64", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("is a folder; give a .png file name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_refuses_a_device_and_a_damaged_header_naming_the_file_fast()
    {
        string ok = Path.Combine(_dir, "ok.wav"), oneHz = Path.Combine(_dir, "one-hz.wav");
        var clip = new byte[44 + 32 * 1024];
        "RIFF"u8.CopyTo(clip);
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(4), clip.Length - 8);
        "WAVEfmt "u8.CopyTo(clip.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(clip.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(clip.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(24), 16000);
        BinaryPrimitives.WriteUInt16LittleEndian(clip.AsSpan(34), 16);
        "data"u8.CopyTo(clip.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(40), 32 * 1024);
        File.WriteAllBytes(ok, clip);
        BinaryPrimitives.WriteInt32LittleEndian(clip.AsSpan(24), 1);
        File.WriteAllBytes(oneHz, clip);
        string model = Path.Combine(RepoPath.Root, "models", "notes-vae");

        (int code, string error) = await Run("sound", "--model", model, "--between", "/dev/zero", ok, "--out", _dir);
        Assert.Equal(1, code);
        Assert.Equal("generate sound: --between: /dev/zero: is not a regular file (it produces more data than its size of 0 bytes); give a WAV file on disk.", error.Trim());

        var clock = Stopwatch.StartNew();
        (code, error) = await Run("sound", "--model", model, "--between", oneHz, ok, "--out", _dir);
        Assert.Equal(1, code);
        Assert.Contains($"{oneHz}: sample rate 1 Hz is outside 8000..384000 Hz", error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed.TotalSeconds < 30, $"{clock.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> Run(params string[] args)
    {
        TextWriter original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try { return (await new RootCommand { GenerateCommand.Create() }.Parse(["generate", .. args]).InvokeAsync(), error.ToString()); }
        finally { Console.SetError(original); }
    }
}
