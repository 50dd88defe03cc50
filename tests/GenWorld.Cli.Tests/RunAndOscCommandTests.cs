namespace GenWorld.Cli.Tests;

/// <summary>
/// <c>genworld osc</c> prints the address table (also as its --help); <c>genworld run</c> refuses bad options with one
/// line and runs headless with OSC for a given time. The real player as a child process, as a shell runs it.
/// </summary>
public sealed class RunAndOscCommandTests
{
    [Theory]
    [InlineData("osc")]
    [InlineData("osc", "--help")]
    public async Task Osc_prints_the_address_table_with_types_and_the_default_ports(params string[] args)
    {
        (int code, string output, _) = await PlayerProcess.Launch(args);
        Assert.Equal(0, code);
        foreach (string row in new[] { "/genworld/camera/pose        fffff", "/genworld/emitter/trigger    i", "/genworld/listener           fffff", "/genworld/note               ff" })
            Assert.Contains(row, output, StringComparison.Ordinal);
        Assert.Contains("TouchOSC sends to 8000", output, StringComparison.Ordinal);
        Assert.Contains("TouchOSC listens on 9000", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fps", "0", "--fps 0")]
    [InlineData("--osc-out", "nohost", "--osc-out 'nohost' is not HOST:PORT")]
    [InlineData("--osc-in", "70000", "--osc-in 70000")]
    [InlineData("--model", "no/such/model", "--model")]
    public async Task Run_refuses_a_bad_option_with_one_line_naming_it(string option, string value, string expected)
    {
        string model = Path.Combine(PlayerProcess.RepoRoot, "models", "notes-vae");
        string[] args = option == "--model" ? ["run", option, value, "--seconds", "1"] : ["run", "--model", model, option, value, "--seconds", "1"];
        (int code, _, string errors) = await PlayerProcess.Launch(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_goes_headless_for_the_given_seconds_and_reports_frames_and_osc()
    {
        string model = Path.Combine(PlayerProcess.RepoRoot, "models", "notes-vae");
        (int code, string output, string errors) = await PlayerProcess.Launch("run", "--model", model, "--seconds", "2", "--audio", "none", "--osc-in", "0", "--osc-out", "127.0.0.1:9");
        Assert.True(code == 0, errors);
        Assert.Matches(@"ran \d+ frames \(2\.\d s\); frame work p50 [\d.]+ ms, p99 [\d.]+ ms", output);
        Assert.Contains("0 received", output, StringComparison.Ordinal);
        Assert.Contains("OSC in on 127.0.0.1:", errors, StringComparison.Ordinal);
    }
}
