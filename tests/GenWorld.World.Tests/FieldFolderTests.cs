using GenWorld.World.Anchors;

namespace GenWorld.World.Tests;

/// <summary>A user field (field encode --out) opens wherever a model folder does, and never touches the model's own anchors.</summary>
[Collection(NativeCollection.Name)]
public sealed class FieldFolderTests(ShippedField field) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genworld-field-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_field_folder_opens_as_a_world_over_the_model_it_names()
    {
        string model = RepoPaths.Model("notes-vae");
        string shippedHeader = File.ReadAllText(Path.Combine(model, AnchorFile.HeaderName));
        // A small user field: 150 of the shipped anchors, saved into a folder of its own.
        var small = new AnchorSet(field.Anchors.Header with { Count = 150 }, [.. field.Anchors.Anchors.Take(150)],
            field.Anchors.AllLatents[..(150 * field.Anchors.LatentSize)].ToArray());
        Directory.CreateDirectory(_dir);
        AnchorFile.Save(_dir, small);
        FieldFolder.Write(_dir, model, Path.Combine(_dir, "dataset"), new Dictionary<string, string>());

        Assert.Equal((Path.GetFullPath(model), _dir), FieldFolder.Resolve(_dir));
        Assert.Equal((model, model), FieldFolder.Resolve(model)); // a model folder is its own field
        using (LatentWorld world = LatentWorld.Open(_dir))
            Assert.Equal(150, world.Anchors.Count);
        Assert.Equal(shippedHeader, File.ReadAllText(Path.Combine(model, AnchorFile.HeaderName)));
    }

    [Fact]
    public void A_field_whose_model_is_gone_says_so()
    {
        Directory.CreateDirectory(_dir);
        FieldFolder.Write(_dir, Path.Combine(_dir, "no-such-model"), _dir, new Dictionary<string, string>());
        var e = Assert.Throws<InvalidDataException>(() => FieldFolder.Resolve(_dir));
        Assert.Contains("is gone", e.Message, StringComparison.Ordinal);
        Assert.Contains(FieldFolder.FileName, e.Message, StringComparison.Ordinal);
    }
}
