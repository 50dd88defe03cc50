using System.Buffers.Binary;
using System.Diagnostics;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using GenWorld.Core.Models;

namespace GenWorld.Core.Tests;

/// <summary>Header fields are checked before anything is allocated, and every refusal names the file.</summary>
public sealed class RunawayInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-runaway-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Wav(string name, ushort format, ushort channels, int rate, ushort bits, byte[] data)
    {
        var h = new byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(4), 36 + data.Length);
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(24), rate);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), bits);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(40), data.Length);
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, [.. h, .. data]);
        return path;
    }

    [Theory]
    [InlineData(1, 1, 16, "sample rate 1 Hz is outside 8000..384000 Hz")]
    [InlineData(2_000_000_000, 1, 16, "sample rate 2000000000 Hz is outside")]
    [InlineData(16000, 0, 16, "0 channels")]
    [InlineData(16000, 33, 16, "33 channels")]
    public void A_damaged_header_fails_fast_naming_the_file(int rate, int channels, int bits, string expected)
    {
        string path = Wav("bad.wav", 1, (ushort)channels, rate, (ushort)bits, new byte[32 * 1024]);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Read(path));
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_NaN_clips_are_refused_naming_the_file()
    {
        string empty = Wav("empty.wav", 1, 1, 16000, 16, []);
        Assert.Equal($"{empty}: has no samples (its data chunk is empty).", Assert.Throws<InvalidDataException>(() => WavFile.Read(empty)).Message);
        var floats = new byte[16];
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(8), float.NaN);
        string nan = Wav("nan.wav", 3, 1, 16000, 32, floats);
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Read(nan));
        Assert.Equal($"{nan}: sample 2 is NaN (audio must be finite)", e.Message);
    }

    [Fact]
    public void Devices_folders_and_oversized_files_are_refused_before_reading()
    {
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Read("/dev/zero"));
        Assert.Contains("/dev/zero: is not a regular file", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => BoundedFile.Check("/dev/zero", 1 << 20, "WAV file"));
        Assert.Contains("is a folder", Assert.Throws<InvalidDataException>(() => WavFile.Read(_dir)).Message, StringComparison.Ordinal);
        string big = Path.Combine(_dir, "big.bin");
        using (var f = File.Create(big)) f.SetLength(2048);
        Assert.Contains("2,048 bytes is larger than a test file may be (1,024 bytes)",
            Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAllBytes(big, 1024, "test file")).Message, StringComparison.Ordinal);
        BoundedFile.Check(big, 4096);
        Assert.Equal(2048, BoundedFile.ReadAllBytes(big, 4096).Length);
    }

    [Fact]
    public void Manifest_sizes_out_of_range_are_named()
    {
        ModelManifest m = new()
        {
            Name = "copied", Kind = ModelKind.SoundVae, LatentSize = 2_000_000_000, SampleRate = 16000, AudioRepresentation = "logmag-if-1000000-0",
            Parts = [new ModelOnnxPart("decoder", "decoder.onnx", [new ModelTensorInfo("z", "float32", [-1, 2_000_000_000])], [new ModelTensorInfo("x", "float32", [-1, 1 << 20, 1 << 20])], "abc")],
            DatasetVersion = "v", DataLicense = "CC0-1.0",
        };
        IReadOnlyList<string> errors = m.Validate();
        Assert.Contains("latentSize: must be between 1 and 4096, got 2000000000.", errors);
        Assert.Contains(errors, e => e.StartsWith("audioRepresentation: 'logmag-if-1000000-0' needs an FFT size in 16..65536", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("parts[0].inputs[0].shape: [-1, 2000000000] is larger than a model tensor may be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("parts[0].outputs[0].shape: [-1, 1048576, 1048576] is larger", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("parts[0].sha256: must be 64 hex digits", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_records_each_parts_hash_and_a_changed_byte_is_reported_while_old_manifests_still_pass()
    {
        string onnx = Path.Combine(_dir, "decoder.onnx");
        File.WriteAllBytes(onnx, [.. Enumerable.Range(0, 4096).Select(i => (byte)i)]);
        var m = new ModelManifest
        {
            Name = "m", Kind = ModelKind.TextureGan, LatentSize = 4,
            Parts = [new ModelOnnxPart("decoder", "decoder.onnx", [new ModelTensorInfo("z", "float32", [-1, 4])], [new ModelTensorInfo("x", "float32", [-1, 3])])],
            DatasetVersion = "v", DataLicense = "CC0-1.0",
        };
        string manifest = Path.Combine(_dir, ModelManifest.FileName);
        File.WriteAllText(manifest, m.ToJson()); // as written before hashes existed
        Assert.Null(ModelFileHash.Problem(onnx));
        m.Save(manifest);
        Assert.Equal(ModelFileHash.Of(onnx), ModelManifest.Load(manifest).Parts[0].Sha256);
        Assert.Null(ModelFileHash.Problem(onnx));
        byte[] bytes = File.ReadAllBytes(onnx);
        bytes[2000] ^= 0x10;
        File.WriteAllBytes(onnx, bytes);
        Assert.Contains("the file is damaged: its SHA-256 does not match", ModelFileHash.Problem(onnx), StringComparison.Ordinal);
    }
}
