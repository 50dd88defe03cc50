using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GenWorld.Cli.Soak;
using GenWorld.Host.Headless;
using GenWorld.Host.Kiosk;
using GenWorld.Host.Osc;
using GenWorld.Osc.Control;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld soak --minutes N</c>: <c>run --kiosk</c> for N minutes (headless, loopback audio, attract mode after 10 s
/// without input) while <see cref="SoakTraffic"/> plays a controller on the world's own OSC input, then the soak CSV
/// read back into a PNG plot and one summary line: RSS after warm-up and at the end, OpenAL objects, threads, restarts
/// and audio underruns; with <c>--draw</c> the field frame is drawn headless and the live GL objects are plotted too.
/// The run itself is <see cref="RunCommand"/>'s kiosk; this verb adds the traffic and the report.
/// </summary>
internal static class SoakCommand
{
    // Emitter ids the traffic triggers are drawn across the field: most are far from the listener and are counted as
    // ignored, as a careless controller's would be; the few near ones regenerate a sound.
    private const int TriggerIds = 10000;

    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long the soak runs.", Required = true };
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Folder for soak.csv, soak.png, status.json and summary.txt (default .build/soak/<UTC time>)." };
        var warmUp = new Option<double?>("--warmup-minutes") { Description = "Least warm-up before growth is measured (default 5, or a sixth of a shorter soak); it also waits for the sound cache to fill." };
        var every = new Option<double?>("--every") { Description = "Seconds between CSV rows (default: 10, fewer for short soaks so that there are at least 30 rows)." };
        var audio = new Option<RunAudio>("--audio") { Description = "loopback (default), device or none, as for run.", DefaultValueFactory = _ => RunAudio.Loopback };
        var draw = new Option<bool>("--draw") { Description = "Draw the field frame headless (EGL surfaceless, as run --draw) and plot the live GL objects of each kind." };
        var textures = new Option<DirectoryInfo?>("--textures") { Description = "Texture-GAN model folder for the drawn emitters' materials (with --draw; default models/textures-gan when present, as explore)." };
        var width = new Option<int>("--width") { Description = "Frame width in pixels with --draw.", DefaultValueFactory = _ => 1280 }.Between(16, 8192);
        var height = new Option<int>("--height") { Description = "Frame height in pixels with --draw.", DefaultValueFactory = _ => 720 }.Between(16, 8192);
        var glLoss = new Option<double?>("--simulate-gl-loss-every") { Description = "Rehearsal (with --draw): the GL layer reports its context lost every this many seconds of a world's life." };
        var command = new Command("soak", "Runs the kiosk world headless with attract mode and OSC traffic for --minutes, then plots RSS, managed heap, OpenAL objects, threads, audio underruns and, with --draw, live GL objects (CSV + PNG) and prints the growth after warm-up.")
        {
            minutes, model, outDir, warmUp, every, audio, draw, textures, width, height, glLoss,
        };
        command.SetAction((parse, ct) =>
        {
            double m = parse.GetValue(minutes);
            if (!(m > 0 && m <= 7 * 24 * 60))
            {
                Console.Error.WriteLine($"soak: --minutes {m.ToString(CultureInfo.InvariantCulture)}: must be above 0 and at most a week.");
                return Task.FromResult(2);
            }
            double warm = parse.GetValue(warmUp) ?? Math.Min(5, m / 6), step = parse.GetValue(every) ?? Math.Clamp(m * 60 / 30, 1, 10);
            if (!(warm >= 0 && warm < m) || !(step > 0))
            {
                Console.Error.WriteLine($"soak: --warmup-minutes {warm} must be 0 or more and below --minutes; --every {step} must be above 0.");
                return Task.FromResult(2);
            }
            string dir = parse.GetValue(outDir)?.FullName ?? Path.GetFullPath(Path.Combine(".build", "soak", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
            var settings = new RunSettings
            {
                Model = parse.GetValue(model)!.FullName, Seconds = m * 60, Audio = parse.GetValue(audio), AttractAfter = 10,
                Draw = parse.GetValue(draw), TextureModel = RenderCommand.TextureFolder(parse.GetValue(textures)), Width = parse.GetValue(width), Height = parse.GetValue(height), SimulateGlLossEvery = parse.GetValue(glLoss),
            };
            return Task.FromResult(Soak(settings, warm, step, dir, ct));
        });
        return command;
    }

    private static int Soak(RunSettings settings, double warmUpMinutes, double everySeconds, string dir, CancellationToken cancel)
    {
        Directory.CreateDirectory(dir);
        int port = FreeUdpPort();
        settings = settings with { Osc = new OscHostOptions { InputPort = port, Outputs = [GenWorldOscAddresses.DefaultOutput] } };
        (string model, double minutes, RunAudio audio) = (settings.Model, settings.Seconds!.Value / 60, settings.Audio);
        var options = new KioskOptions
        {
            StatusFile = Path.Combine(dir, "status.json"), SoakCsv = Path.Combine(dir, "soak.csv"), SoakEvery = TimeSpan.FromSeconds(everySeconds),
        };
        string? problem = settings.Errors().Concat(options.Errors()).FirstOrDefault();
        if (problem is not null)
        {
            Console.Error.WriteLine($"soak: {problem}");
            return 2;
        }
        Console.WriteLine($"soak: {minutes:F1} min into {dir}; OSC traffic to 127.0.0.1:{port}");
        using (var traffic = new SoakTraffic(port, TriggerIds))
        {
            int code = RunCommand.Kiosk(settings, options, cancel);
            if (code != 0) return code;
            Console.WriteLine($"soak: the traffic sent {traffic.Sent} messages and {traffic.Malformed} malformed datagrams");
        }
        try
        {
            SoakCsv csv = SoakCsv.Read(options.SoakCsv);
            SoakSummary summary = SoakSummary.Of(csv, warmUpMinutes * 60);
            SoakPlot.Save(csv, Path.Combine(dir, "soak.png"), summary.WarmedUpAt, $"genworld soak, {minutes:F1} min, {Path.GetFileName(model)}, {audio.ToString().ToLowerInvariant()} audio" +
                (settings.Draw ? $", drawing {settings.Width}x{settings.Height}" : ""));
            File.WriteAllText(Path.Combine(dir, "summary.txt"), summary + "\n");
            Console.WriteLine(summary);
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"soak: {e.Message}");
            return 1;
        }
    }

    // The world binds its OSC input itself (and again after each restart), so the port is chosen before it starts.
    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
