using GenWorld.Content.Datasets;

namespace GenWorld.Content.Tests.Datasets;

public sealed class ManifestTests
{
    private static DatasetItem Item(string id) => new(id, $"clips/{id}.wav", "notes",
        new Dictionary<string, string> { ["family"] = "piano", ["pitch"] = "60", ["font"] = "fluidr3" }, "family",
        "fluid-soundfont-gm", "MIT", "usr/share/sounds/sf2/FluidR3_GM.sf2") { DurationSeconds = 1.25, SampleRate = 16000 };

    [Fact]
    public void RoundTripKeepsEveryFieldAndSortsById()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, Manifest.FileName);
        var version = Manifest.Write(path, [Item("b"), Item("a")]);
        var back = Manifest.Read(path);
        Assert.Equal(["a", "b"], back.Select(i => i.Id));
        var a = back[0];
        Assert.Equal("clips/a.wav", a.File);
        Assert.Equal("piano", a.PrimaryValue);
        Assert.Equal("60", a.Labels["pitch"]);
        Assert.Equal(1.25, a.DurationSeconds);
        Assert.Equal(16000, a.SampleRate);
        Assert.Null(a.Width);
        Assert.Equal("MIT", a.Licence);
        Assert.DoesNotContain("primaryValue", File.ReadAllText(path));
        Assert.Equal(16, version.Length);
        Assert.Equal(version, Manifest.Version(File.ReadAllBytes(path)));
    }

    [Fact]
    public void VersionChangesWithContentNotWithOrder()
    {
        var v1 = Manifest.Version(System.Text.Encoding.UTF8.GetBytes(Manifest.Serialise([Item("a"), Item("b")])));
        var v2 = Manifest.Version(System.Text.Encoding.UTF8.GetBytes(Manifest.Serialise([Item("b"), Item("a")])));
        var v3 = Manifest.Version(System.Text.Encoding.UTF8.GetBytes(Manifest.Serialise([Item("a"), Item("c")])));
        Assert.Equal(v1, v2);
        Assert.NotEqual(v1, v3);
    }

    [Fact]
    public void BadLineNamesTheLine()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, Manifest.FileName);
        File.WriteAllText(path, Manifest.ToLine(Item("a")) + "\n{\"id\": \"x\"\n");
        var e = Assert.Throws<DatasetException>(() => Manifest.Read(path));
        Assert.Contains("line 2", e.Message);
    }
}
