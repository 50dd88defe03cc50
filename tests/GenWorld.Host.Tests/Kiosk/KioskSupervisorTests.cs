using System.Text.Json;
using GenWorld.Host.Kiosk;

namespace GenWorld.Host.Tests.Kiosk;

/// <summary>The supervisor's policy without a world: restart after a throw with doubling backoff, stop when a session returns.</summary>
public sealed class KioskSupervisorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-kiosk-").FullName;

    [Fact]
    public void A_failing_session_is_restarted_with_doubling_backoff_and_the_status_file_tells_why()
    {
        string status = Path.Combine(_dir, "status.json");
        var lines = new List<string>();
        var options = new KioskOptions { StatusFile = status, FirstBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(80) };
        var supervisor = new KioskSupervisor(options, lines.Add);
        var starts = new List<DateTime>();
        supervisor.Run((_, _) =>
        {
            starts.Add(DateTime.UtcNow);
            if (starts.Count < 5) throw new InvalidDataException($"model damaged ({starts.Count})");
        });
        Assert.Equal(5, starts.Count);
        Assert.Equal(4, supervisor.Status.Restarts);
        Assert.Equal(4, lines.Count(l => l.StartsWith("kiosk: the world failed", StringComparison.Ordinal)));
        Assert.Contains("InvalidDataException: model damaged (4)", lines[^1], StringComparison.Ordinal);
        // Waits of 20, 40, 80, 80 ms (capped): the gaps grow, then stop growing.
        double[] gaps = [.. starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalMilliseconds)];
        Assert.True(gaps[0] >= 19 && gaps[1] >= 39 && gaps[2] >= 79 && gaps[3] >= 79, string.Join(", ", gaps));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(status));
        Assert.Equal("stopped", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("restarts").GetInt32());
        Assert.Equal("InvalidDataException: model damaged (4)", json.RootElement.GetProperty("lastFault").GetString());
        Assert.True(json.RootElement.GetProperty("rssMb").GetDouble() > 10);
    }

    [Fact]
    public void Without_restart_the_fault_is_recorded_and_ends_the_run()
    {
        string status = Path.Combine(_dir, "status.json");
        var supervisor = new KioskSupervisor(new KioskOptions { StatusFile = status, Restart = false }, _ => { });
        Assert.Throws<InvalidOperationException>(() => supervisor.Run((_, _) => throw new InvalidOperationException("audio device lost")));
        Assert.Contains("audio device lost", File.ReadAllText(status), StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_stops_a_supervisor_that_is_waiting_to_restart()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var supervisor = new KioskSupervisor(new KioskOptions { FirstBackoff = TimeSpan.FromSeconds(30) }, _ => { });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        supervisor.Run((_, _) => throw new InvalidOperationException("fault"), cancel.Token);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(KioskState.Stopped, supervisor.Status.State);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_option()
    {
        var e = Assert.Throws<ArgumentException>(() => new KioskSupervisor(new KioskOptions { InjectFaultEvery = -1 }, _ => { }));
        Assert.Contains("--inject-fault-every", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
