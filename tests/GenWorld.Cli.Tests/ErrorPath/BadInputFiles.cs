using System.Buffers.Binary;

namespace GenWorld.Cli.Tests.ErrorPath;

/// <summary>
/// The damaged and misplaced inputs the bad-argument tables point at, made once per test run in a temp folder: a file
/// where a folder belongs and the reverse, garbage bytes, WAVs with 0 samples, a NaN sample and a 2 GHz header, and a
/// copy of a shipped model with 400 bytes of its ONNX graph flipped.
/// </summary>
internal sealed class BadInputFiles
{
    public static BadInputFiles Instance { get; } = new();

    private BadInputFiles()
    {
        Root = Directory.CreateTempSubdirectory("genworld-bad-input-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(PlainFile, "not a folder, not a model, not audio\n");
        var random = new Random(16);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        File.WriteAllBytes(Garbage, garbage);
        File.WriteAllBytes(GarbageWav, garbage);
        File.WriteAllBytes(GarbageJson, garbage);
        File.WriteAllText(EmptyFile, "");
        File.WriteAllBytes(GoodWav, Wav(format: 1, bits: 16, rate: 16000, data: new byte[2 * 16000]));
        File.WriteAllBytes(ZeroSampleWav, Wav(format: 1, bits: 16, rate: 16000, data: []));
        var nan = new byte[4 * 1600];
        BinaryPrimitives.WriteSingleLittleEndian(nan.AsSpan(4 * 800), float.NaN);
        File.WriteAllBytes(NanWav, Wav(format: 3, bits: 32, rate: 16000, data: nan));
        foreach ((string name, string json) in CameraPathJson) File.WriteAllText(Path.Combine(Root, name), json);
        File.WriteAllBytes(TwoGigahertzWav, Wav(format: 1, bits: 16, rate: 2_000_000_000, data: new byte[2 * 1600]));
    }

    public string Root { get; }
    public string Folder => Path.Combine(Root, "a-folder");
    public string PlainFile => Path.Combine(Root, "a-file.txt");
    public string Missing => Path.Combine(Root, "no-such-thing");
    public string Garbage => Path.Combine(Root, "garbage.bin");
    public string GarbageWav => Path.Combine(Root, "garbage.wav");
    public string GarbageJson => Path.Combine(Root, "garbage.json");
    public string EmptyFile => Path.Combine(Root, "empty.json");
    public string GoodWav => Path.Combine(Root, "good.wav");
    public string ZeroSampleWav => Path.Combine(Root, "zero-samples.wav");
    public string NanWav => Path.Combine(Root, "nan-sample.wav");
    public string TwoGigahertzWav => Path.Combine(Root, "two-gigahertz.wav");

    /// <summary>Camera paths that parse as JSON and are still wrong: a 2-D position, no points, a future version, a NaN time.</summary>
    public IEnumerable<string> CameraPaths => CameraPathJson.Select(c => Path.Combine(Root, c.Name));

    // A property, not a field: Instance is built by the static initializer above it, before later fields are set.
    private static (string Name, string Json)[] CameraPathJson =>
    [
        ("path-2d.json", """{"version":1,"points":[{"t":0,"position":[1,2],"lookAt":[0,0,0]},{"t":1,"position":[1,2,3],"lookAt":[0,0,0]}]}"""),
        ("path-empty.json", """{"version":1,"points":[]}"""),
        ("path-version.json", """{"version":9,"points":[{"t":0,"position":[1,2,3],"lookAt":[0,0,0]},{"t":1,"position":[1,2,3],"lookAt":[0,0,0]}]}"""),
        ("path-nan.json", """{"version":1,"points":[{"t":"NaN","position":[1,2,3],"lookAt":[0,0,0]},{"t":1,"position":[1,2,3],"lookAt":[0,0,0]}]}"""),
    ];

    /// <summary>A fresh output path under the temp folder (not created).</summary>
    public string Out(string name) => Path.Combine(Root, "out", name);

    /// <summary>A copy of models/<paramref name="model"/> with 400 bytes of <paramref name="onnx"/> flipped (made on first use).</summary>
    public string FlippedModel(string model, string onnx)
    {
        string copy = Path.Combine(Root, $"{model}-flipped");
        if (Directory.Exists(copy)) return copy;
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPath.Root, "models", model)))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        byte[] bytes = File.ReadAllBytes(Path.Combine(copy, onnx));
        var random = new Random(400);
        for (int i = 0; i < 400; i++) bytes[random.Next(bytes.Length / 4, bytes.Length)] ^= 0x5A;
        File.WriteAllBytes(Path.Combine(copy, onnx), bytes);
        return copy;
    }

    /// <summary>A copy of the fixture dataset content/fixtures/<paramref name="kind"/> with garbage bytes in place of <paramref name="file"/>.</summary>
    public string DatasetWithGarbage(string kind, string file)
    {
        string copy = Path.Combine(Root, $"{kind}-damaged");
        if (Directory.Exists(copy)) return copy;
        string source = Path.Combine(RepoPath.Root, "content", "fixtures", kind);
        foreach (string path in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
        File.Copy(Garbage, Path.Combine(copy, file), overwrite: true);
        return copy;
    }

    /// <summary>A folder whose checkpoint.json is garbage (an export source that looks like a checkpoint and is not).</summary>
    public string GarbageCheckpoint
    {
        get
        {
            string dir = Path.Combine(Root, "garbage-checkpoint");
            Directory.CreateDirectory(dir);
            File.Copy(Garbage, Path.Combine(dir, "checkpoint.json"), overwrite: true);
            return dir;
        }
    }

    /// <summary>A mono RIFF/WAVE file exactly as its header says, whatever the header says.</summary>
    private static byte[] Wav(ushort format, ushort bits, int rate, byte[] data)
    {
        var wav = new byte[44 + data.Length];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), (int)Math.Min(int.MaxValue, (long)rate * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)(bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), bits);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data.Length);
        data.CopyTo(wav.AsSpan(44));
        return wav;
    }
}
