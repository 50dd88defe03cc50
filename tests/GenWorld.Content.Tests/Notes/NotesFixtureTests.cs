using GenWorld.Content.Datasets;
using GenWorld.Content.Notes;
using GenWorld.Core.Sequences;

namespace GenWorld.Content.Tests.Notes;

public sealed class NotesFixtureTests
{
    [Fact]
    public void FixtureCoversAllFamiliesAndPitchedClipsSoundAtTheirLabel()
    {
        var ds = Dataset.Open(TestPaths.Fixture("notes"));
        Assert.Equal(16, ds.Info.Counts.Count);
        Assert.All(ds.Items, i => Assert.Equal(GeneralMidi.Family(int.Parse(i.Labels["program"], System.Globalization.CultureInfo.InvariantCulture)), i.Labels["family"]));
        var r = NotesPitchAudit.Run(ds, stride: 1);
        Assert.True(r.Checked >= 10, $"only {r.Checked} pitched clips");
        Assert.True(r.Match + r.OctaveOff >= r.Checked * 0.8, $"{r.Match} of {r.Checked} at the labelled pitch, {r.OctaveOff} an octave off");
        Assert.True(r.Match >= r.Checked * 0.6, $"{r.Match} of {r.Checked} at the labelled pitch");
    }
}
