using System.Globalization;
using System.Text.Json;
using GenWorld.Audio.OpenAl;
using GenWorld.Host.Headless;
using GenWorld.Host.Kiosk;

namespace GenWorld.Host.Tests.Kiosk;

/// <summary>
/// The scaled soak: 60 s of world time on an accelerated fixed-step clock (20 fps, run as fast as it goes) under the
/// kiosk supervisor, with faults through real paths: a frame throws every 25 s of a world's life, and the model's
/// decoder is damaged on disk before the first fault, so the first restart fails to open it (the anchors' model hash) and is retried
/// with backoff until the file is whole again. The world must finish its 60 s, the status file must say so, and OpenAL
/// objects and threads must not pile up across the restarts.
/// </summary>
[Collection(HeadlessRunsCollection.Name)]
public sealed class KioskSoakTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-soak-").FullName;

    [Fact]
    public void Sixty_world_seconds_with_faults_and_a_damaged_model_finish_with_every_restart_accounted_for()
    {
        string model = Path.Combine(_dir, "notes-vae");
        CopyFolder(RepoPaths.Model("notes-vae"), model);
        string decoder = Path.Combine(model, "decoder.onnx"), intact = Path.Combine(_dir, "decoder.intact");
        File.Copy(decoder, intact);
        string status = Path.Combine(_dir, "status.json"), csv = Path.Combine(_dir, "soak.csv");
        var log = new List<string>();
        var options = new KioskOptions
        {
            StatusFile = status, SoakCsv = csv, SoakEvery = TimeSpan.FromMilliseconds(100), InjectFaultEvery = 25,
            FirstBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400),
        };
        var supervisor = new KioskSupervisor(options, line =>
        {
            lock (log) log.Add(line);
            // The restart after the damage failed to open the model (its anchors no longer match the changed decoder):
            // mend the file so the next try succeeds.
            if (IsLoadFailure(line)) File.Copy(intact, decoder, overwrite: true);
        });
        double worldSecondsDone = 0, sessionTime = 0;
        bool damaged = false;
        int alBefore = AlLiveObjects.Count, threadsAtFirstFrame = 0;
        supervisor.Run((session, ct) =>
        {
            sessionTime = 0;
            try
            {
                HeadlessRun.Run(new RunSettings
                {
                    Model = model, Fps = 20, FixedStep = true, Seconds = 60 - worldSecondsDone, AttractAfter = 5,
                    OnFrame = frame =>
                    {
                        sessionTime = frame.Frame.Time;
                        if (threadsAtFirstFrame == 0) threadsAtFirstFrame = ProcessFigures.Now().Threads;
                        if (!damaged && frame.Frame.Time >= 24)
                        {
                            damaged = true;
                            byte[] bytes = File.ReadAllBytes(decoder);
                            bytes[bytes.Length / 2] ^= 0xFF;   // one flipped byte: the checksum in manifest.json no longer matches
                            File.WriteAllBytes(decoder, bytes);
                        }
                        session.Frame(frame);
                    },
                }, _ => { }, ct);
            }
            finally
            {
                worldSecondsDone += sessionTime;
            }
        });

        Assert.True(worldSecondsDone >= 59.9, $"the worlds ran {worldSecondsDone:F1} s of 60");
        Assert.True(supervisor.Status.Frames >= 59 * 20, $"{supervisor.Status.Frames} frames");
        // Two injected faults (at 25 s of the first and of the third world) and one failed load of the damaged model.
        Assert.Equal(3, supervisor.Status.Restarts);
        Assert.Equal(2, log.Count(l => l.Contains("KioskFaultInjectedException", StringComparison.Ordinal)));
        Assert.Contains("anchors.json", Assert.Single(log, IsLoadFailure), StringComparison.Ordinal);
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(status)))
        {
            Assert.Equal("stopped", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("restarts").GetInt32());
            Assert.Equal(supervisor.Status.Frames, json.RootElement.GetProperty("frames").GetInt64());
        }
        string[] rows = File.ReadAllLines(csv);
        Assert.StartsWith("seconds,frames,restarts,frame_p50_ms,frame_p99_ms", rows[0], StringComparison.Ordinal);
        Assert.True(rows.Length >= 2, "no soak row: rows are written per wall-clock interval, so a fast run writes few, but never none");
        Assert.All(rows.Skip(1), r => Assert.True(double.Parse(r.Split(',')[6], CultureInfo.InvariantCulture) > 0, r));
        Assert.Equal(alBefore, AlLiveObjects.Count);   // every world's sources and buffers were freed
        Assert.True(ProcessFigures.Now().Threads <= threadsAtFirstFrame + 8, $"threads {ProcessFigures.Now().Threads}, at the first frame {threadsAtFirstFrame}");
    }

    private static bool IsLoadFailure(string line) =>
        line.StartsWith("kiosk: the world failed", StringComparison.Ordinal) && !line.Contains(nameof(KioskFaultInjectedException), StringComparison.Ordinal);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
