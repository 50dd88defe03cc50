using GenWorld.Host.Osc;

namespace GenWorld.Host.Tests.Osc;

/// <summary>What a peer names on disk is confined when used: path files under the root, models by plain name.</summary>
public sealed class WorldOscControlTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("genworld-osc-confine-").FullName;

    [Fact]
    public void Path_files_outside_the_root_or_reached_through_a_link_are_refused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "paths"));
        File.WriteAllText(Path.Combine(_root, "paths", "tour.json"), "{}");
        string outside = Path.Combine(Path.GetTempPath(), $"genworld-outside-{Environment.ProcessId}.json");
        File.WriteAllText(outside, "{}");
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), Path.GetTempPath());
        try
        {
            Assert.Equal(Path.Combine(_root, "paths", "tour.json"), WorldOscControl.ConfinedFile("paths/tour.json", _root));
            Assert.Null(WorldOscControl.ConfinedFile("../" + Path.GetFileName(outside), Path.Combine(_root, "paths")));
            Assert.Null(WorldOscControl.ConfinedFile(outside, _root));
            Assert.Null(WorldOscControl.ConfinedFile("escape/" + Path.GetFileName(outside), _root));
            Assert.Null(WorldOscControl.ConfinedFile("paths/missing.json", _root));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
