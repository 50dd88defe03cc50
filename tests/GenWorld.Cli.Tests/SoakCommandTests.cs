using System.Globalization;
using SkiaSharp;

namespace GenWorld.Cli.Tests;

/// <summary>
/// <c>genworld soak</c> as a shell runs it: a half-minute soak of the real world (loopback audio, attract mode, its own
/// OSC traffic) leaves a CSV with a row a second, a PNG plot that decodes, and a summary line; bad options get one line.
/// </summary>
public sealed class SoakCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-soak-cli-").FullName;

    [Fact]
    public async Task A_half_minute_soak_writes_the_csv_the_plot_and_a_summary_line()
    {
        string model = Path.Combine(PlayerProcess.RepoRoot, "models", "notes-vae");
        (int code, string output, string errors) = await PlayerProcess.Launch("soak", "--minutes", "0.5", "--model", model, "--out", _dir);
        Assert.True(code == 0, errors);

        string[] rows = File.ReadAllLines(Path.Combine(_dir, "soak.csv"));
        string[] header = rows[0].Split(',');
        Assert.Contains("underruns_late_mix", header);
        Assert.Contains("underruns_voice_stopped", header);
        Assert.True(rows.Length - 1 >= 20, $"{rows.Length - 1} rows in 30 s at one a second");
        int received = Array.IndexOf(header, "osc_received"), dropped = Array.IndexOf(header, "osc_dropped");
        string[] last = rows[^1].Split(',');
        Assert.True(int.Parse(last[received], CultureInfo.InvariantCulture) > 100, "the soak's OSC traffic should reach the world");
        Assert.True(int.Parse(last[dropped], CultureInfo.InvariantCulture) > 10, "its malformed datagrams should be counted as dropped");

        using (SKBitmap plot = SKBitmap.Decode(Path.Combine(_dir, "soak.png")))
        {
            Assert.NotNull(plot);
            Assert.Equal((1200, 600), (plot.Width, plot.Height));
        }
        string summary = File.ReadAllText(Path.Combine(_dir, "summary.txt")).Trim();
        Assert.Matches(@"^soak: 0\.5 min, \d+ rows; warmed up at [\d.]+ min; RSS \d+ MB -> \d+ MB \([+-][\d.]+ % after warm-up", summary);
        Assert.Contains(summary, output, StringComparison.Ordinal);
        Assert.Contains("restarts 0", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drawing_soak_counts_gl_objects_and_plots_them_in_a_second_panel()
    {
        string model = Path.Combine(PlayerProcess.RepoRoot, "models", "notes-vae");
        (int code, string output, string errors) = await PlayerProcess.Launch("soak", "--minutes", "0.5", "--model", model, "--out", _dir,
            "--draw", "--width", "320", "--height", "180", "--simulate-gl-loss-every", "10");
        Assert.True(code == 0, errors);

        string[] rows = File.ReadAllLines(Path.Combine(_dir, "soak.csv"));
        int total = Array.IndexOf(rows[0].Split(','), "gl_total");
        Assert.All(rows.Skip(1), r => Assert.True(int.Parse(r.Split(',')[total], CultureInfo.InvariantCulture) > 0, r));
        using (SKBitmap plot = SKBitmap.Decode(Path.Combine(_dir, "soak.png")))
            Assert.Equal((1200, 1000), (plot.Width, plot.Height));
        string summary = File.ReadAllText(Path.Combine(_dir, "summary.txt")).Trim();
        Assert.Matches(@"GL objects \d+-\d+ \([1-9]\d* context rebuilds\); .*restarts 0", summary);
        Assert.Contains("gl: the context was lost (simulated reset (rehearsal)); renderer rebuilt", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_loss_rehearsal_without_drawing_is_refused_with_one_line()
    {
        (int code, _, string errors) = await PlayerProcess.Launch("run", "--seconds", "1", "--simulate-gl-loss-every", "5");
        Assert.Equal(2, code);
        Assert.Contains("--simulate-gl-loss-every needs --draw", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--minutes 0: must be above 0")]
    [InlineData("-3", "--minutes -3: must be above 0")]
    public async Task Soak_refuses_a_bad_length_with_one_line(string minutes, string expected)
    {
        (int code, _, string errors) = await PlayerProcess.Launch("soak", "--minutes", minutes, "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
