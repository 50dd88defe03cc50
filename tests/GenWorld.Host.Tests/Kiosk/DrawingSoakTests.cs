using GenWorld.Host.Headless;
using GenWorld.Host.Kiosk;
using Xunit.Abstractions;

namespace GenWorld.Host.Tests.Kiosk;

/// <summary>
/// A short soak that draws: the kiosk supervisor runs a headless world drawing the field frame (EGL surfaceless,
/// llvmpipe, generated materials on the emitters, attract mode touring) on an accelerated fixed-step clock, with the GL
/// context reported lost twice. Every soak row must count the renderer's live GL objects, all but the bounded material
/// cache's must be the same in every row, and each loss must be a renderer rebuild, not a restart of the world.
/// </summary>
[Collection(HeadlessGlCollection.Name)]
public sealed class DrawingSoakTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-drawing-soak-").FullName;

    [Fact]
    public void Rows_count_live_gl_objects_that_stay_flat_across_two_context_losses()
    {
        string csv = Path.Combine(_dir, "soak.csv");
        var log = new List<string>();
        void Log(string line) { lock (log) log.Add(line); }
        var supervisor = new KioskSupervisor(new KioskOptions { SoakCsv = csv, SoakEvery = TimeSpan.FromMilliseconds(250), Restart = false }, Log);
        supervisor.Run((session, ct) => HeadlessRun.Run(new RunSettings
        {
            Model = RepoPaths.Model("notes-vae"), TextureModel = RepoPaths.Model("textures-gan"), Fps = 20, FixedStep = true, Seconds = 24,
            AttractAfter = 1, Audio = RunAudio.None, Draw = true, Width = 320, Height = 180, SimulateGlLossEvery = 9,
            OnFrame = session.Frame,
        }, Log, ct));

        SoakCsv rows = SoakCsv.Read(csv);
        double[] total = rows.Column("gl_total"), rebuilds = rows.Column("gl_rebuilds");
        output.WriteLine(string.Join("\n", log.Where(l => l.StartsWith("gl:", StringComparison.Ordinal))));
        output.WriteLine($"{rows.Rows} rows; GL objects per row: {string.Join(" ", total)}; textures: {string.Join(" ", rows.Column("gl_textures"))}; " +
            $"of them materials: {string.Join(" ", rows.Column("gl_material_textures"))}");
        Assert.True(rows.Rows >= 8, $"only {rows.Rows} rows");
        Assert.All(total, t => Assert.True(t > 0, "a row without GL objects: nothing was drawn"));
        Assert.Equal(2, rebuilds[^1]);
        Assert.Equal(2, log.Count(l => l.StartsWith("gl: the context was lost", StringComparison.Ordinal)));
        Assert.Equal(0, supervisor.Status.Restarts);
        // Only the material cache's textures may change (one per generated material in view, bounded); every other
        // object of the renderer is the same in every row, across both rebuilds: nothing grows.
        double[] materials = rows.Column("gl_material_textures");
        Assert.All(materials, m => Assert.InRange(m, 0, 64));
        Assert.Single(rows.Column("gl_textures").Zip(materials, (t, m) => t - m).Distinct());
        foreach (string kind in KioskStatus.GlColumns.Where(k => k != "gl_textures"))
            Assert.Single(rows.Column(kind).Distinct());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
