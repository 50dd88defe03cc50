using System.Collections.Concurrent;
using System.Diagnostics;

namespace GenWorld.Cli.Tests;

/// <summary>
/// A real audio device goes away under a running world and comes back: OpenAL Soft's wave-writer backend plays into a
/// named pipe that this test drains; closing the pipe's reader makes the device's next write fail, and OpenAL Soft marks
/// the device disconnected (ALC_EXT_disconnect), exactly as it does when a sound server dies. The world must notice,
/// play on silent without exiting, reopen the device once a reader is back, and send sound into it again.
/// </summary>
public sealed class AudioDeviceLossTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-audio-loss-").FullName;

    [Fact]
    public async Task Run_survives_the_device_going_away_and_plays_into_it_again_when_it_returns()
    {
        string pipe = Path.Combine(_dir, "out.wav"), config = Path.Combine(_dir, "alsoft.conf");
        using (Process mkfifo = Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        await File.WriteAllTextAsync(config, $"[wave]\nfile={pipe}\n");

        using var firstReaderStop = new CancellationTokenSource();
        Task<long> firstReader = Drain(pipe, firstReaderStop.Token);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "genworld.dll"), "run",
            "--model", Path.Combine(RepoPath.Models, "notes-vae"), "--audio", "device", "--seconds", "20"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ALSOFT_DRIVERS"] = "wave";
        start.Environment["ALSOFT_CONF"] = config;
        using var player = Process.Start(start)!;
        var errors = new ConcurrentQueue<string>();
        var lost = new TaskCompletionSource();
        player.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            errors.Enqueue(e.Data);
            if (e.Data.Contains("was lost", StringComparison.Ordinal)) lost.TrySetResult();
        };
        player.BeginErrorReadLine();
        Task<string> output = player.StandardOutput.ReadToEndAsync();
        try
        {
            // Let sound flow for a while, then take the device's reader away.
            await Task.Delay(TimeSpan.FromSeconds(6));
            await firstReaderStop.CancelAsync();
            long before = await firstReader.WaitAsync(TimeSpan.FromSeconds(30));
            await lost.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Task<long> secondReader = Drain(pipe, CancellationToken.None);
            await player.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            long after = await secondReader.WaitAsync(TimeSpan.FromSeconds(30));

            string log = string.Join('\n', errors);
            Assert.True(player.ExitCode == 0, log);
            Assert.True(before > 100_000, $"only {before} bytes reached the device before it went away");
            Assert.Contains("audio: reopened OpenAL Soft: Wave File Writer after 1 loss(es)", log, StringComparison.Ordinal);
            // Seconds of sound after the reopen (44.1 kHz stereo float is ~350 KB/s): the world played into the new device.
            Assert.True(after > 350_000, $"only {after} bytes reached the reopened device\n{log}");
            Assert.Matches(@"ran \d+ frames \(20\.\d s\)", await output);
            Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        }
        finally
        {
            if (!player.HasExited) player.Kill();
        }
    }

    // Reads the pipe until the writer closes it or stop fires; returns the bytes read.
    private static Task<long> Drain(string pipe, CancellationToken stop) => Task.Run(() =>
    {
        using var stream = new FileStream(pipe, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        byte[] buffer = new byte[65536];
        long total = 0;
        int read;
        while (!stop.IsCancellationRequested && (read = stream.Read(buffer)) > 0) total += read;
        return total;
    });

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
