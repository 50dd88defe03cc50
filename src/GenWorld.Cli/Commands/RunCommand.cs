using System.CommandLine;
using System.Net.Sockets;
using GenWorld.Core.Native;
using GenWorld.Host.Headless;
using GenWorld.Host.Kiosk;
using GenWorld.Inference;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld run</c>: the world with no window: sounds generated around a camera that OSC, attract mode or nobody
/// moves, mixed by OpenAL (loopback by default, or the sound card), until Ctrl+C or <c>--seconds</c>. With
/// <c>--kiosk</c> a supervisor restarts the world after any fault, with backoff, and keeps a heartbeat file.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl+C)." };
        var fps = new Option<int>("--fps") { Description = "Frames per second.", DefaultValueFactory = _ => 60 };
        var audio = new Option<RunAudio>("--audio") { Description = "loopback: OpenAL mixes on the frame thread, nothing heard (default); device: the sound card; none: no mixing.", DefaultValueFactory = _ => RunAudio.Loopback };
        var noHrtf = new Option<bool>("--no-hrtf") { Description = "Plain stereo panning instead of HRTF." };
        var noReverb = new Option<bool>("--no-reverb") { Description = "No EFX reverb (it follows the field's density): a dry mix, for a room with its own acoustics." };
        var attract = new Option<double>("--attract-after") { Description = "Seconds without input before the note prior tours the field (0: never).", DefaultValueFactory = _ => 30 };
        var follow = new Option<DirectoryInfo?>("--follow") { Description = "Versioned model root to follow (models/<name> as `genworld serve` publishes it): each new version swaps in live." };
        var kiosk = new Option<bool>("--kiosk") { Description = "Restart the world after any fault (1 s backoff doubling to 30 s) and keep a heartbeat file." };
        var status = new Option<FileInfo?>("--status") { Description = "Heartbeat JSON, rewritten every second (default with --kiosk: .build/kiosk/status.json)." };
        var soakCsv = new Option<FileInfo?>("--soak-csv") { Description = "Append soak figures (frame p99, RSS, managed heap, GC committed, threads, AL objects, OSC, audio underruns, sound cache, GL objects per kind with --draw) every --soak-every seconds; `genworld soak` plots them." };
        var soakEvery = new Option<double>("--soak-every") { Description = "Seconds between soak rows.", DefaultValueFactory = _ => 10 };
        var fault = new Option<double?>("--inject-fault-every") { Description = "Rehearsal: each world throws after this many seconds, to watch the kiosk restart it." };
        var draw = new Option<bool>("--draw") { Description = "Draw the field frame (no HUD) headless into an EGL surfaceless context, as the kiosk's window would: GL objects are counted in the soak CSV." };
        var textures = new Option<DirectoryInfo?>("--textures") { Description = "Texture-GAN model folder for the drawn emitters' materials (with --draw; default models/textures-gan when present, as explore)." };
        var width = new Option<int>("--width") { Description = "Frame width in pixels with --draw.", DefaultValueFactory = _ => 1280 }.Between(16, 8192);
        var height = new Option<int>("--height") { Description = "Frame height in pixels with --draw.", DefaultValueFactory = _ => 720 }.Between(16, 8192);
        var glLoss = new Option<double?>("--simulate-gl-loss-every") { Description = "Rehearsal (with --draw): the GL layer reports its context lost every this many seconds, to watch the renderer rebuild on a fresh one." };
        var osc = new OscCliOptions();
        var command = new Command("run", "The world headless (no window): generated spatial sound around an OSC-steered or touring camera, until Ctrl+C or --seconds.")
        {
            model, seconds, fps, audio, noHrtf, noReverb, attract, follow, kiosk, status, soakCsv, soakEvery, fault, draw, textures, width, height, glLoss,
        };
        osc.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var settings = new RunSettings
            {
                Model = parse.GetValue(model)!.FullName, Seconds = parse.GetValue(seconds), Fps = parse.GetValue(fps), Audio = parse.GetValue(audio),
                Hrtf = !parse.GetValue(noHrtf), Reverb = !parse.GetValue(noReverb), AttractAfter = parse.GetValue(attract), Follow = parse.GetValue(follow)?.FullName, Osc = osc.Read(parse),
                Draw = parse.GetValue(draw), TextureModel = RenderCommand.TextureFolder(parse.GetValue(textures)), Width = parse.GetValue(width), Height = parse.GetValue(height), SimulateGlLossEvery = parse.GetValue(glLoss),
            };
            bool isKiosk = parse.GetValue(kiosk) || parse.GetValue(fault) is not null;
            var kioskOptions = new KioskOptions
            {
                StatusFile = parse.GetValue(status)?.FullName ?? (isKiosk ? Path.GetFullPath(Path.Combine(".build", "kiosk", "status.json")) : null),
                SoakCsv = parse.GetValue(soakCsv)?.FullName,
                SoakEvery = TimeSpan.FromSeconds(Math.Max(0.001, parse.GetValue(soakEvery))), InjectFaultEvery = parse.GetValue(fault),
            };
            string? problem = settings.Errors().FirstOrDefault() ?? kioskOptions.Errors().FirstOrDefault();
            if (problem is not null)
            {
                Console.Error.WriteLine($"run: {problem}");
                return Task.FromResult(2);
            }
            return Task.FromResult(isKiosk ? Kiosk(settings, kioskOptions, ct) : Once(settings, kioskOptions, ct));
        });
        return command;
    }

    private static int Once(RunSettings settings, KioskOptions figures, CancellationToken cancel)
    {
        // Without --kiosk a fault ends the run, but the heartbeat and soak figures still work when asked for.
        var supervisor = new KioskSupervisor(figures with { Restart = false }, Log);
        try
        {
            RunResult? result = null;
            supervisor.Run((session, ct) => result = HeadlessRun.Run(settings with { OnFrame = session.Frame }, Log, ct), cancel);
            if (result is null) return 1;
            Print(result, supervisor.Status);
            return 0;
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine($"run: --osc-in {settings.Osc?.InputPort}: cannot listen there ({e.SocketErrorCode}: {e.Message}).");
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A model that fails to load, a device that fails: one line (the kiosk would restart; a plain run stops).
            Console.Error.WriteLine($"run: {e.Message}");
            return 1;
        }
    }

    /// <summary>The world under the kiosk supervisor until <c>settings.Seconds</c> (its whole life across restarts) or cancel.</summary>
    internal static int Kiosk(RunSettings settings, KioskOptions options, CancellationToken cancel)
    {
        // A kiosk runs for days: two malloc arenas kept the native part of RSS flat in a 10-minute soak, where glibc's
        // default (up to 16 on 2 cores) let it creep up ~0.5 MB a minute (README, soak).
        _ = Libc.LimitMallocArenas(2);
        var supervisor = new KioskSupervisor(options, Log);
        Log($"kiosk: running {settings.Model}; heartbeat {options.StatusFile}");
        RunResult? last = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // --seconds is the kiosk's whole life across restarts, not each world's.
        if (settings.Seconds is double s) deadline.CancelAfter(TimeSpan.FromSeconds(s));
        supervisor.Run((session, ct) => last = HeadlessRun.Run(settings with { Seconds = null, OnFrame = session.Frame }, Log, ct), deadline.Token);
        if (last is not null) Print(last, supervisor.Status);
        Log($"kiosk: stopped after {supervisor.Status.Frames} frames and {supervisor.Status.Restarts} restarts");
        return 0;
    }

    private static void Log(string line) => OrtConsoleLog.Line(line);

    private static void Print(RunResult r, KioskStatus status)
    {
        FrameTimesLine(r);
        if (status.GlRebuilds > 0) Console.WriteLine($"gl: renderer rebuilt {status.GlRebuilds} time(s) on a fresh context after a loss");
        if (r.OscStats is not null) Console.WriteLine(r.OscStats);
        Console.WriteLine(status.Frames > 0 ? status.Underruns : r.Underruns);
        if (status.SoakRows > 0) Console.WriteLine($"soak: {status.SoakRows} rows");
        Console.WriteLine(Host.HostText.StatsLine(r.Stats));
    }

    private static void FrameTimesLine(RunResult r) =>
        Console.WriteLine($"ran {r.Frames} frames ({r.Seconds:F1} s); frame work p50 {r.FrameTimes.Quantile(0.5):F2} ms, p99 {r.FrameTimes.Quantile(0.99):F2} ms, max {r.FrameTimes.MaxMs:F1} ms");
}
