using GenWorld.World.Anchors;

namespace GenWorld.World.Tests;

[Collection(NativeCollection.Name)]
public sealed class AnchorFileTests(ShippedField field) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-anchors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_shipped_anchors_cover_the_whole_notes_dataset()
    {
        AnchorSet set = field.Anchors;
        Assert.Equal(9281, set.Count);
        Assert.Equal(16, set.LatentSize);
        Assert.Equal(16, set.Header.LabelNames.Count);
        Assert.Contains("piano", set.Header.LabelNames);
        Assert.True(set.Header.Pitched);
        Assert.All(set.Anchors, a => Assert.InRange(a.Pitch ?? -1, 24, 96));
        Assert.Equal("fluidr3-p000-m024-v050", set.Anchors[0].Id);
        Assert.InRange(new FileInfo(RepoPaths.Model("notes-vae") + "/anchors.bin").Length, 100_000, 800_000);
    }

    [Fact]
    public void Save_then_load_gives_back_the_same_anchors()
    {
        AnchorSet original = field.Anchors;
        AnchorFile.Save(_dir, original);
        AnchorSet loaded = AnchorFile.Load(_dir);
        Assert.Equal(original.Header.LabelNames, loaded.Header.LabelNames);
        Assert.Equal(original.Anchors, loaded.Anchors);
        Assert.True(original.AllLatents.SequenceEqual(loaded.AllLatents)); // float16 both ways: bit-exact
    }

    [Fact]
    public void A_damaged_file_is_refused_naming_what_is_wrong()
    {
        AnchorFile.Save(_dir, field.Anchors);
        string bin = Path.Combine(_dir, AnchorFile.DataName);
        File.WriteAllBytes(bin, File.ReadAllBytes(bin)[..1000]);
        var e = Assert.Throws<InvalidDataException>(() => AnchorFile.Load(_dir));
        Assert.Contains("9281 anchors", e.Message, StringComparison.Ordinal);

        string json = Path.Combine(_dir, AnchorFile.HeaderName);
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"float16\"", "\"int8\"", StringComparison.Ordinal));
        e = Assert.Throws<InvalidDataException>(() => AnchorFile.Load(_dir));
        Assert.Contains("precision", e.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<FileNotFoundException>(() => AnchorFile.Load(Path.Combine(_dir, "nowhere")));
        Assert.Contains("genworld field encode", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_record_the_models_hash_and_are_refused_once_the_model_changed()
    {
        foreach (string file in Directory.GetFiles(RepoPaths.Model("notes-vae")))
            if (!Path.GetFileName(file).StartsWith("anchors", StringComparison.Ordinal)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        string hash = GenWorld.Core.Models.ModelFileHash.OfModel(_dir);
        AnchorSet set = field.Anchors;
        AnchorFile.Save(_dir, new AnchorSet(set.Header with { ModelHash = hash }, [.. set.Anchors], [.. set.AllLatents]));
        Assert.Equal(hash, AnchorFile.Load(_dir).Header.ModelHash);

        // Re-exported under the same name and version: other weights, so the anchors are stale.
        string decoder = Path.Combine(_dir, "decoder.onnx");
        byte[] bytes = File.ReadAllBytes(decoder);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(decoder, bytes);
        var e = Assert.Throws<InvalidDataException>(() => AnchorFile.Load(_dir));
        Assert.Contains("anchors.json: made by another model", e.Message, StringComparison.Ordinal);
        Assert.Contains("genworld field encode", e.Message, StringComparison.Ordinal);
    }
}
