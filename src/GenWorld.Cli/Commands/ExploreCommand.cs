using System.CommandLine;
using GenWorld.Host.Kiosk;
using GenWorld.Host.Windowed;
using GenWorld.Inference;
using GenWorld.Rendering.Glfw;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld explore</c>: walk the latent field in a window with real audio (<see cref="Explorer"/> on the one host).
/// WASD to move, E/Space up, Q down, Shift to boost, drag with the left mouse button to look, Enter to re-trigger the
/// nearest sound with a variation, Esc to quit.
/// </summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var textures = new Option<DirectoryInfo?>("--textures") { Description = "Texture-GAN model folder (default models/textures-gan when present)." };
        var seconds = new Option<double?>("--seconds") { Description = "Close after this many seconds (default: until the window closes)." }.Above(0, 86400);
        var attract = new Option<double>("--attract-after") { Description = "Seconds without input before the note prior tours the field (0: never).", DefaultValueFactory = _ => 30 }.Between(0, 86400);
        var follow = new Option<DirectoryInfo?>("--follow") { Description = "Versioned model root to follow (models/<name> as `genworld serve` publishes it): each new version swaps in live." };
        var presentation = new Option<bool>("--presentation") { Description = "No HUD over the field (region labels and legend stay): for installations." };
        var kiosk = new Option<bool>("--kiosk") { Description = "Installation screen: full screen on the primary monitor, undecorated, cursor hidden, no HUD, Esc ignored, attract mode after --attract-after idle seconds; restarts the world after a fault (1 s backoff doubling to 30 s)." };
        var glLoss = new Option<double?>("--simulate-gl-loss-every") { Description = "Rehearsal: the GL layer reports its context lost every this many seconds, to watch the renderer rebuild on a fresh window." }.Above(0, 86400);
        var osc = new OscCliOptions();
        var command = new Command("explore", "Walk the latent field in a window with spatial audio (needs a display; else use `genworld render`).") { model, textures, seconds, attract, follow, presentation, kiosk, glLoss };
        osc.AddTo(command);
        command.SetAction(parse =>
        {
            var settings = new ExploreSettings
            {
                Model = parse.GetValue(model)!.FullName, TextureModel = RenderCommand.TextureFolder(parse.GetValue(textures)),
                Seconds = parse.GetValue(seconds), AttractAfter = parse.GetValue(attract), Follow = parse.GetValue(follow)?.FullName, Osc = osc.Read(parse),
                Presentation = parse.GetValue(presentation), Kiosk = parse.GetValue(kiosk), SimulateGlLossEvery = parse.GetValue(glLoss),
            };
            if (OscCliOptions.Problem(settings.Osc) is { } problem)
            {
                Console.Error.WriteLine($"explore: {problem}");
                return 2;
            }
            return Run(settings);
        });
        return command;
    }

    internal static bool HasDisplay() =>
        !string.IsNullOrEmpty(Core.Native.Libc.GetEnv("DISPLAY")) || !string.IsNullOrEmpty(Core.Native.Libc.GetEnv("WAYLAND_DISPLAY"));

    /// <summary>Runs the explorer; 3 (with a pointer to `render`) when there is no display.</summary>
    internal static int Run(ExploreSettings settings)
    {
        try
        {
            if (!settings.Kiosk)
            {
                Explorer.Run(settings, OrtConsoleLog.Line, Console.Error.WriteLine);
                return 0;
            }
            // A kiosk restarts the world after any fault (a lost GL context, a model that fails to load) instead of exiting.
            var supervisor = new KioskSupervisor(new KioskOptions(), OrtConsoleLog.Line);
            supervisor.Run((_, _) => Explorer.Run(settings, OrtConsoleLog.Line, Console.Error.WriteLine));
            return 0;
        }
        catch (DisplayUnavailableException)
        {
            Console.Error.WriteLine("explore: no display (DISPLAY and WAYLAND_DISPLAY are unset). For a headless flythrough use `genworld render --orbit` (PNG frames + WAV).");
            return 3;
        }
    }
}
