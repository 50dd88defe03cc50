using GenWorld.Audio.Diagnostics;
using GenWorld.Audio.OpenAl;
using GenWorld.Core.Diagnostics;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class AlProbeTests
{
    [Fact]
    public void Probe_reports_a_real_loopback_render_and_hrtf_and_frees_everything()
    {
        IReadOnlyList<ProbeResult> rows = AlProbe.Run();

        Assert.All(rows, r => Assert.Equal("OpenAL", r.Area));
        Assert.Equal(["library", "default device", "version", "loopback render", "HRTF", "EFX"], rows.Select(r => r.Name));
        Assert.True(rows.Single(r => r.Name == "loopback render").Ok);
        Assert.Contains("ALSOFT", rows.Single(r => r.Name == "version").Value);
        Assert.Contains("default-48000", rows.Single(r => r.Name == "HRTF").Value);
        Assert.Equal(0, AlLiveObjects.Count);
    }
}
